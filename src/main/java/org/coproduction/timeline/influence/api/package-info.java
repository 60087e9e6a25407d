/**
 * Who influenced a decision, as of a valid time and as known at a recorded time: the answers the
 * influence queries give, as plain records.
 */
package org.coproduction.timeline.influence.api;
