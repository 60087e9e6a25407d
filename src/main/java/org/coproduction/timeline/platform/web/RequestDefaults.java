package org.coproduction.timeline.platform.web;

import java.time.Clock;
import java.time.Instant;
import org.coproduction.timeline.platform.Ids;
import org.coproduction.timeline.project.api.Require;
import org.springframework.stereotype.Component;

/**
 * Fills what a client may leave out of a recording request: {@code occurredAt} defaults to now
 * and a missing identifier is generated.
 */
@Component
public class RequestDefaults {

    private final Clock clock;
    private final Ids ids;

    public RequestDefaults(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Instant occurredAt(String value) {
        return value == null ? clock.instant() : Require.requestedTime("occurredAt", value);
    }

    public String idOr(String value, String prefix) {
        return value == null ? ids.next(prefix) : value;
    }
}
