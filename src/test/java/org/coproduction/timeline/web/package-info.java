/** Shared fixtures for the {@code @WebMvcTest} adapter tests: a fixed clock and ids, and the expected answers. */
package org.coproduction.timeline.web;
