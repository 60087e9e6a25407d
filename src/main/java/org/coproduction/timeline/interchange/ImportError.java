package org.coproduction.timeline.interchange;

/** One reason a line of an import file was refused; {@code field} is {@code $} for the whole line. */
public record ImportError(long line, String field, String message) {}
