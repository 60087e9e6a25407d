/**
 * The command side of every feature: the {@code Project} aggregate, one consistency boundary per
 * research study, and {@link org.coproduction.timeline.project.command.ProjectState}, the pure
 * rules it enforces, shared with the importer so a file is checked exactly as commands are. Its parts
 * ({@code Team}, {@code MeetingLog}, {@code DecisionLog}, {@code Journal}, {@code Codebook},
 * {@code Consent}) each read the rest of the project only through the narrow {@code Facts} they declare.
 */
package org.coproduction.timeline.project.command;
