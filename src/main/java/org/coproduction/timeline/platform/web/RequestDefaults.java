package org.coproduction.timeline.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coproduction.timeline.platform.Ids;
import org.coproduction.timeline.project.api.InvalidFieldException;
import org.coproduction.timeline.project.api.Require;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fills what a client may leave out of a recording request: {@code occurredAt} defaults to now
 * and a missing identifier is generated. Nothing is recorded as having happened after the moment
 * it is recorded: an {@code occurredAt} later than now (give or take {@code timeline.clock-tolerance},
 * five minutes by default, for clocks that disagree) is refused.
 */
@Component
public class RequestDefaults {

    private final Clock clock;
    private final Ids ids;
    private final Duration tolerance;

    public RequestDefaults(Clock clock, Ids ids, @Value("${timeline.clock-tolerance:PT5M}") Duration tolerance) {
        this.clock = clock;
        this.ids = ids;
        this.tolerance = tolerance;
    }

    public Instant occurredAt(String value) {
        if (value == null) {
            return clock.instant();
        }
        Instant occurredAt = Require.requestedTime("occurredAt", value);
        Instant now = clock.instant();
        if (occurredAt.isAfter(now.plus(tolerance))) {
            throw new InvalidFieldException(
                    "occurredAt", "is after now (" + now + "): something is recorded once it has happened");
        }
        return occurredAt;
    }

    public String idOr(String value, String prefix) {
        return value == null ? ids.next(prefix) : value;
    }
}
