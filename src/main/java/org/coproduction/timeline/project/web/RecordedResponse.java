package org.coproduction.timeline.project.web;

/** The answer to a recording request: the project and the identifier of what was recorded. */
public record RecordedResponse(String projectId, String id) {}
