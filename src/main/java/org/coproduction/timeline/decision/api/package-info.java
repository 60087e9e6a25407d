/** Decisions from proposal to outcome and revision, and the recorded influences on them. */
package org.coproduction.timeline.decision.api;
