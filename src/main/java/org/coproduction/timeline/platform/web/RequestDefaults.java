package org.coproduction.timeline.platform.web;

import java.time.Instant;
import org.coproduction.timeline.platform.Ids;
import org.coproduction.timeline.platform.Present;
import org.coproduction.timeline.project.api.InvalidFieldException;
import org.coproduction.timeline.project.api.Require;
import org.springframework.stereotype.Component;

/**
 * Fills what a client may leave out of a recording request: {@code occurredAt} defaults to now
 * and a missing identifier is generated. Nothing is recorded as having happened after the moment
 * it is recorded: an {@code occurredAt} later than now (give or take {@code timeline.clock-tolerance},
 * five minutes by default, for clocks that disagree) is refused.
 */
@Component
public class RequestDefaults {

    private final Present present;
    private final Ids ids;

    public RequestDefaults(Present present, Ids ids) {
        this.present = present;
        this.ids = ids;
    }

    public Instant occurredAt(String value) {
        if (value == null) {
            return present.now();
        }
        Instant occurredAt = Require.requestedTime("occurredAt", value);
        if (present.isFuture(occurredAt)) {
            throw new InvalidFieldException(
                    "occurredAt", "is after now (" + present.now() + "): something is recorded once it has happened");
        }
        return occurredAt;
    }

    public String idOr(String value, String prefix) {
        return value == null ? ids.next(prefix) : value;
    }
}
