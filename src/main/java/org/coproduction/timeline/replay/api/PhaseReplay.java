package org.coproduction.timeline.replay.api;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionStatus;

/**
 * One phase of a replay: its period ({@code end} exclusive and null while the phase runs; when the
 * replay stops at an {@code until} date, the last phase ends there, inclusive), the team at its end, what happened in it, and what shifted from the phase before ({@code shift} is null for the
 * first).
 *
 * @param team the members on the team at the end of the phase, with their role and perspectives then
 * @param joined members who joined in the phase
 * @param left members who left in the phase
 * @param changed members whose role or perspectives changed in the phase
 */
public record PhaseReplay(
        String phaseId,
        String name,
        Instant start,
        Instant end,
        List<TeamMember> team,
        List<String> joined,
        List<String> left,
        List<String> changed,
        Activity activity,
        List<PhaseDecision> decisions,
        Shift shift) {

    public PhaseReplay {
        team = List.copyOf(team);
        joined = List.copyOf(joined);
        left = List.copyOf(left);
        changed = List.copyOf(changed);
        decisions = List.copyOf(decisions);
    }

    public record TeamMember(String memberId, String name, String role, List<String> perspectives) {

        public TeamMember {
            perspectives = List.copyOf(perspectives);
        }
    }

    /**
     * Meetings held and contributions made in the phase (retracted ones not counted): the meetings
     * with at least one attendee of each primary perspective, the contributions by the primary
     * perspective of their member at the time, and the shares that makes.
     */
    public record Activity(
            int meetings,
            Map<String, Integer> meetingsByPerspective,
            int contributions,
            Map<String, Integer> contributionsByPerspective,
            Map<String, Double> contributionShareByPerspective) {

        public Activity {
            meetingsByPerspective = Collections.unmodifiableSortedMap(new TreeMap<>(meetingsByPerspective));
            contributionsByPerspective = Collections.unmodifiableSortedMap(new TreeMap<>(contributionsByPerspective));
            contributionShareByPerspective =
                    Collections.unmodifiableSortedMap(new TreeMap<>(contributionShareByPerspective));
        }
    }

    /**
     * A decision proposed, made or revised in the phase ({@code steps} says which), with its
     * status, outcome and influencers as they stood at the end of the phase.
     */
    public record PhaseDecision(
            String decisionId,
            String title,
            List<String> steps,
            DecisionStatus status,
            String outcome,
            DecisionMethod method,
            List<String> decidedBy,
            List<Influencer> influencers) {

        public PhaseDecision {
            steps = List.copyOf(steps);
            decidedBy = List.copyOf(decidedBy);
            influencers = List.copyOf(influencers);
        }
    }

    /**
     * This phase minus the one before: team size, meetings, contributions, decisions made, and each
     * perspective's share of contributions (a perspective absent from one side counts 0 there).
     */
    public record Shift(
            String fromPhaseId,
            int teamSize,
            int meetings,
            int contributions,
            int decisionsMade,
            Map<String, Double> contributionShareByPerspective) {

        public Shift {
            contributionShareByPerspective =
                    Collections.unmodifiableSortedMap(new TreeMap<>(contributionShareByPerspective));
        }
    }
}
