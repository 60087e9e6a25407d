/**
 * The messages every feature shares: the commands a project is asked to record and the events it
 * stores (lifecycle and team, meetings and their coded contributions and transcribed turns,
 * decisions and influences, reflections, interviews, passages, consent, the codebook), the base
 * {@link org.coproduction.timeline.api.ProjectEvent} every stored event implements, the
 * {@link org.coproduction.timeline.api.EventCatalogue} that names them, and the field rules and
 * refusals ({@link org.coproduction.timeline.api.Require}, {@code InvalidFieldException},
 * {@code RuleViolationException}) commands share. Depends on the JDK and Axon's annotations only:
 * every other package may read it, and it reads none of them (docs/events.md, docs/style.md).
 */
package org.coproduction.timeline.api;
