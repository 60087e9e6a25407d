/**
 * The project's message API: the events and commands of a project's lifecycle and team, the
 * base {@link org.coproduction.timeline.project.api.ProjectEvent} every stored event implements,
 * and the {@link org.coproduction.timeline.project.api.EventCatalogue} that names them. Depends on
 * the JDK and Axon's annotations only.
 */
package org.coproduction.timeline.project.api;
