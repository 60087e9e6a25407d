/**
 * A project's history on both time axes: the facts of the team, the phases and the decisions as
 * they stood at an (asOf, knownAt), and the one-pass fold of a project's events that produces them.
 * The read models and the replay resolve roles, perspectives and phases through these types.
 */
package org.coproduction.timeline.fold.query;
