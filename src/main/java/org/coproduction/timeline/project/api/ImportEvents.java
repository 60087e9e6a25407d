package org.coproduction.timeline.project.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Appends already-validated lines of an interchange file to one project, in file order, in one
 * unit of work. Each line keeps the producer's {@code eventId} and {@code recordedAt}.
 */
public record ImportEvents(@TargetAggregateIdentifier String projectId, List<Line> lines) {

    /** Metadata key of the interchange event id, also used as the stored event identifier. */
    public static final String EVENT_ID = "eventId";

    /** Metadata key of the recorded time given by the file, when it differs from the storage time. */
    public static final String RECORDED_AT = "recordedAt";

    public ImportEvents {
        lines = List.copyOf(lines);
    }

    public record Line(long lineNumber, ProjectEvent event, String eventId, Instant recordedAt) {}
}
