package org.coproduction.timeline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Now, and what is later than now: nothing happens or is recorded after the moment it is stored,
 * give or take {@code timeline.clock-tolerance} (five minutes by default) for clocks that disagree.
 */
@Component
public class Present {

    private final Clock clock;
    private final Duration tolerance;

    public Present(Clock clock, @Value("${timeline.clock-tolerance:PT5M}") Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether {@code t} lies after now, beyond the clocks' tolerance. */
    public boolean isFuture(Instant t) {
        return t.isAfter(now().plus(tolerance));
    }
}
