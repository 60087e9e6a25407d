package org.coproduction.timeline.interchange;

/** Told how far an import has come: lines validated in the first pass, lines stored in the second. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {};

    default void validated(long lines, long bytes) {}

    default void stored(long lines, long ofLines) {}
}
