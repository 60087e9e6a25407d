package org.coproduction.timeline.platform.web;

import java.time.Instant;
import java.util.function.Function;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.platform.Ids;
import org.coproduction.timeline.platform.Present;
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

    /**
     * The command built with its {@code occurredAt} (defaulted as {@link #occurredAt}): a wrong
     * {@code occurredAt} is reported together with whatever else the command finds wrong, so that
     * every field at fault is named at once.
     */
    public <C> C command(String occurredAt, Function<Instant, C> build) {
        Instant at;
        InvalidFieldException wrongTime = null;
        try {
            at = occurredAt(occurredAt);
        } catch (InvalidFieldException e) {
            wrongTime = e;
            at = present.now();
        }
        C command;
        try {
            command = build.apply(at);
        } catch (InvalidFieldException e) {
            throw wrongTime == null ? e : InvalidFieldException.together(wrongTime, e);
        }
        if (wrongTime != null) {
            throw wrongTime;
        }
        return command;
    }

    public String idOr(String value, String prefix) {
        return value == null ? ids.next(prefix) : value;
    }
}
