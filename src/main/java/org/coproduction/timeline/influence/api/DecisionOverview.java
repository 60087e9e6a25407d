package org.coproduction.timeline.influence.api;

import java.time.Instant;
import org.coproduction.timeline.api.DecisionMethod;

/** One decision of a project's decision list at an (asOf, knownAt), in the order proposed. */
public record DecisionOverview(
        String decisionId,
        String title,
        DecisionStatus status,
        String proposedBy,
        Instant proposedAt,
        Instant madeAt,
        String outcome,
        DecisionMethod method,
        int influencers,
        int influences) {}
