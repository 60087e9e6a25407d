package org.coproduction.timeline.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coproduction.timeline.admin.api.ProjectionState;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/readModels/{name}}: each read model's state. DOWN while its processor
 * fails on an event, or while it is stalled (it has work and has not moved: {@link StallWatch});
 * UP otherwise, a read model catching up or stopped on purpose (an import's pause) included. The
 * details (position, lag, state) are shown to those the health endpoint shows details to.
 */
@Component("readModelsHealthContributor")
class ReadModelsHealth implements CompositeHealthContributor {

    private final ReadModels readModels;
    private final StallWatch watch;

    ReadModelsHealth(ReadModels readModels, StallWatch watch) {
        this.readModels = readModels;
        this.watch = watch;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return readModels.names().contains(name) ? indicator(name) : null;
    }

    @Override
    public java.util.Iterator<NamedContributor<HealthContributor>> iterator() {
        return readModels.names().stream()
                .map(name -> NamedContributor.<HealthContributor>of(name, indicator(name)))
                .iterator();
    }

    private HealthIndicator indicator(String name) {
        return () -> {
            ProjectionStatus status = readModels.status(name);
            Instant stalledSince = watch.stalled().get(name);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", status.status());
            details.put("position", status.position());
            details.put("lag", status.lag());
            if (stalledSince != null) {
                details.put("stalledSince", stalledSince.toString());
            }
            Health.Builder health =
                    status.status() == ProjectionState.ERROR || stalledSince != null ? Health.down() : Health.up();
            return health.withDetails(details).build();
        };
    }
}
