/**
 * The influence read model: decisions, influences, contributions that named a decision, the team
 * and the phases, each row with its occurredAt and recordedAt, so that who influenced a decision
 * can be answered for any (asOf, knownAt) with a few indexed reads.
 */
package org.coproduction.timeline.influence.query;
