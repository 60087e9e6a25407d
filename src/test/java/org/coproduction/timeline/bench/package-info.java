/**
 * Benchmark harnesses run by {@code scripts/bench}: they print figures, they assert nothing.
 * Kept with the tests so they share the test classpath, never run by the test suite.
 */
package org.coproduction.timeline.bench;
