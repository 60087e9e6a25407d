package org.coproduction.timeline.influence;

import java.time.Instant;
import java.util.Comparator;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionList;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.query.InfluenceAnswers;

/**
 * The influence answers computed from a {@link ProjectHistory} fold instead of the influence
 * tables: the other path the read model must agree with. The fold already holds only what was
 * recorded by its knownAt; the asOf view is taken here.
 */
final class FoldedInfluence {

    private final String projectId;
    private final ProjectHistory history;

    FoldedInfluence(String projectId, ProjectHistory history) {
        this.projectId = projectId;
        this.history = history;
    }

    DecisionInfluencers influencers(String decisionId, Instant asOf) {
        return InfluenceAnswers.influencers(
                projectId,
                new PointInTime(asOf, history.knownAt()),
                history.decision(decisionId, asOf),
                history.team(asOf));
    }

    DecisionList decisions(Instant asOf) {
        return new DecisionList(
                projectId,
                asOf,
                history.knownAt(),
                history.decisions(asOf).stream()
                        .filter(facts -> facts.proposal() != null)
                        .sorted(Comparator.comparing(DecisionFacts::proposal, DecisionFacts.IN_ORDER))
                        .map(InfluenceAnswers::overview)
                        .toList());
    }

    /** By phase when {@code phaseId} is given; 404 for a phase not started by asOf as known then. */
    InfluenceSummary summary(Instant asOf, String phaseId) {
        PhaseCalendar.Span period = phaseId == null
                ? null
                : history.phases(asOf)
                        .find(phaseId)
                        .orElseThrow(() -> RuleViolationException.notFound("phaseId", "phase " + phaseId));
        return InfluenceAnswers.summary(
                projectId,
                new PointInTime(asOf, history.knownAt()),
                history.decisions(asOf),
                history.team(asOf),
                period);
    }
}
