package org.coproduction.timeline.admin.api;

/**
 * How far a rebuild has come: {@code fraction} of the event store's head reached, and, when the
 * rebuild was started by this instance, the seconds since it started and the events per second
 * replayed so far ({@code null} otherwise).
 */
public record RebuildProgress(double fraction, Double seconds, Double eventsPerSecond) {}
