package org.coproduction.timeline.influence.api;

import java.time.Instant;
import java.util.List;

/** The decisions proposed as of {@code asOf}, as known at {@code knownAt}. */
public record DecisionList(String projectId, Instant asOf, Instant knownAt, List<DecisionOverview> decisions) {

    public DecisionList {
        decisions = List.copyOf(decisions);
    }
}
