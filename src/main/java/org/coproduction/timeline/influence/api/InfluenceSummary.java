package org.coproduction.timeline.influence.api;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coproduction.timeline.api.InfluenceKind;

/**
 * Influences across all decisions, counted as docs/metrics.md defines them: each recorded influence,
 * plus one of kind PROPOSED per decision a member proposed unless they also recorded an explicit
 * PROPOSED influence on it. Limited to one phase when {@code phaseId} is given.
 *
 * @param total the influences counted
 * @param decisions the decisions with at least one counted influence
 */
public record InfluenceSummary(
        String projectId,
        Instant asOf,
        Instant knownAt,
        String phaseId,
        int total,
        int decisions,
        List<MemberInfluence> members,
        List<PerspectiveInfluence> perspectives) {

    public InfluenceSummary {
        members = List.copyOf(members);
        perspectives = List.copyOf(perspectives);
    }

    /**
     * A member's influences; {@code primaryPerspective} is the one in force at their latest
     * counted influence.
     */
    public record MemberInfluence(
            String memberId,
            String name,
            String primaryPerspective,
            int influences,
            double share,
            int decisions,
            Map<InfluenceKind, Integer> kinds) {

        public MemberInfluence {
            kinds = Collections.unmodifiableSortedMap(new TreeMap<>(kinds));
        }
    }

    /** Influences by the primary perspective of their member at the influence's occurredAt. */
    public record PerspectiveInfluence(
            String perspective, int influences, double share, int decisions, Map<InfluenceKind, Integer> kinds) {

        public PerspectiveInfluence {
            kinds = Collections.unmodifiableSortedMap(new TreeMap<>(kinds));
        }
    }
}
