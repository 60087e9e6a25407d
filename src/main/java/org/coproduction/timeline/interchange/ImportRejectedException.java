package org.coproduction.timeline.interchange;

import java.util.List;

/** An import refused as a whole: nothing of the file was stored. */
public class ImportRejectedException extends RuntimeException {

    /** At most this many errors are listed; {@link #errorCount()} still counts them all. */
    public static final int MAX_LISTED = 1_000;

    private final List<ImportError> errors;
    private final long errorCount;

    public ImportRejectedException(List<ImportError> errors, long errorCount) {
        super(errorCount + " line error(s); nothing was imported");
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<ImportError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
