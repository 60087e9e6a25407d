/**
 * The command side of a project: the {@code Project} aggregate, one consistency boundary per
 * research study, and {@link org.coproduction.timeline.project.command.ProjectState}, the pure
 * rules it enforces, shared with the importer so a file is checked exactly as commands are.
 */
package org.coproduction.timeline.project.command;
