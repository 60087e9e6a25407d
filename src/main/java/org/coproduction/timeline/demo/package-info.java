/** Deterministic generator of the demo coproduced study, written as JSON Lines in the v1 interchange format. */
package org.coproduction.timeline.demo;
