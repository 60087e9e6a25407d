package org.coproduction.timeline.participation.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.IpaCategory;

/**
 * One member's participation phase by phase: how their share, voice ratio, IPA areas and influences
 * changed, beside the role and perspectives they held. The figures are those of the member's row in
 * the by-phase participation answer; a phase they were not in reads as zeros.
 */
public record MemberTrajectory(
        String projectId, String memberId, String name, Instant asOf, Instant knownAt, List<PhaseFigures> phases) {

    public MemberTrajectory {
        phases = List.copyOf(phases);
    }

    /**
     * The member in one phase. {@code onTeam}: on the team at some time in the phase; then
     * {@code role} and {@code perspectives} are those at the phase's end, or when they left, else
     * null and empty. {@code voiceRatio} is null when they attended no meeting in the phase.
     */
    public record PhaseFigures(
            String key,
            String name,
            Instant start,
            Instant end,
            boolean onTeam,
            String role,
            List<String> perspectives,
            int contributions,
            double share,
            double attendanceShare,
            Double voiceRatio,
            Map<IpaCategory.Area, Double> areas,
            int influences,
            double influenceShare) {

        public PhaseFigures {
            perspectives = List.copyOf(perspectives);
            areas = Participation.byArea(areas);
        }
    }
}
