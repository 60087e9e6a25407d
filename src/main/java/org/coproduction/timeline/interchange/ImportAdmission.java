package org.coproduction.timeline.interchange;

/**
 * Whether an import may append to a project the store already holds (a new project is always
 * admitted: whoever imports it registers it). Over HTTP only the project's coordinators may; the
 * command line and the demo loader, run by whoever runs the application, admit any.
 */
@FunctionalInterface
public interface ImportAdmission {

    ImportAdmission ANY = projectId -> true;

    boolean mayAppendTo(String projectId);
}
