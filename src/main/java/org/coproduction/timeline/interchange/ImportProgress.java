package org.coproduction.timeline.interchange;

/** Told how far an import has come: lines validated in the first pass, lines stored in the second. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {};

    default void validated(long lines, long bytes) {}

    default void stored(long lines, long ofLines) {}

    /** The file came back to a project whose rule state the import had let go: it is folded again. */
    default void foldingAgain(String projectId) {}
}
