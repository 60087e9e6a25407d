package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;
import static org.coproduction.timeline.api.RuleViolationException.notFound;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.coproduction.timeline.api.DecisionEvent;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.DecisionRevised;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;

/** The decisions and influences a project has recorded, as far as its rules need them. */
public final class DecisionLog {

    /** What the decision rules need from the rest of the project. */
    public interface Facts {
        Team team();

        boolean hasContribution(String contributionId);

        boolean hasReflection(String reflectionId);
    }

    private record Decision(Instant proposedAt, Instant madeAt) {}

    private record Influence(String decisionId, boolean retracted) {}

    private final Map<String, Decision> decisions = new HashMap<>();
    private final Map<String, Influence> influences = new HashMap<>();

    public void requireDecision(String field, String decisionId) {
        if (!decisions.containsKey(decisionId)) {
            throw notFound(field, "decision " + decisionId + " is not proposed");
        }
    }

    public void check(DecisionEvent event, Facts project) {
        if (event instanceof DecisionProposed proposed) {
            if (decisions.containsKey(proposed.decisionId())) {
                throw conflict("decisionId", "decision " + proposed.decisionId() + " is already proposed");
            }
            project.team().requireMemberAt("proposedBy", proposed.proposedBy(), proposed.occurredAt());
            return;
        }
        requireDecision("decisionId", event.decisionId());
        Decision decision = decisions.get(event.decisionId());
        if (event.occurredAt().isBefore(decision.proposedAt())) {
            throw conflict(
                    "occurredAt",
                    "decision " + event.decisionId() + " was proposed later, at " + decision.proposedAt());
        }
        if (event instanceof InfluenceRecorded influence) {
            checkInfluence(influence, project);
        } else if (event instanceof InfluenceRetracted retraction) {
            Influence influence = influences.get(retraction.influenceId());
            if (influence == null || !influence.decisionId().equals(retraction.decisionId())) {
                throw notFound(
                        "influenceId",
                        "influence " + retraction.influenceId() + " is not recorded on decision "
                                + retraction.decisionId());
            }
            if (influence.retracted()) {
                throw conflict("influenceId", "influence " + retraction.influenceId() + " is already retracted");
            }
        } else if (event instanceof DecisionMade made) {
            if (decision.madeAt() != null) {
                throw conflict(
                        "decisionId", "decision " + made.decisionId() + " is already made; record a revision instead");
            }
            for (int i = 0; i < made.decidedBy().size(); i++) {
                project.team()
                        .requireMemberAt(
                                "decidedBy[" + i + "]", made.decidedBy().get(i), made.occurredAt());
            }
        } else if (event instanceof DecisionRevised revised) {
            if (decision.madeAt() == null) {
                throw conflict("decisionId", "decision " + revised.decisionId() + " is not made yet");
            }
            if (revised.occurredAt().isBefore(decision.madeAt())) {
                throw conflict(
                        "occurredAt", "decision " + revised.decisionId() + " was made later, at " + decision.madeAt());
            }
        }
    }

    private void checkInfluence(InfluenceRecorded influence, Facts project) {
        if (influences.containsKey(influence.influenceId())) {
            throw conflict("influenceId", "influence " + influence.influenceId() + " is already recorded");
        }
        project.team().requireMemberAt("memberId", influence.memberId(), influence.occurredAt());
        if (influence.contributionId() != null && !project.hasContribution(influence.contributionId())) {
            throw notFound("contributionId", "contribution " + influence.contributionId() + " is not recorded");
        }
        if (influence.reflectionId() != null && !project.hasReflection(influence.reflectionId())) {
            throw notFound("reflectionId", "reflection " + influence.reflectionId() + " is not recorded");
        }
    }

    public void evolve(DecisionEvent event) {
        if (event instanceof DecisionProposed proposed) {
            decisions.put(proposed.decisionId(), new Decision(proposed.occurredAt(), null));
        } else if (event instanceof InfluenceRecorded influence) {
            influences.put(influence.influenceId(), new Influence(influence.decisionId(), false));
        } else if (event instanceof InfluenceRetracted retraction) {
            influences.put(retraction.influenceId(), new Influence(retraction.decisionId(), true));
        } else if (event instanceof DecisionMade made) {
            decisions.computeIfPresent(made.decisionId(), (id, d) -> new Decision(d.proposedAt(), made.occurredAt()));
        }
    }
}
