/**
 * The demo coproduced study, shipped as a JSON Lines resource in the v1 interchange format, and the loader that
 * imports it into an empty store. Its generator, deterministic from a seed, is in the test tree.
 */
package org.coproduction.timeline.demo;
