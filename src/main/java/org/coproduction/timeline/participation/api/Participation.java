package org.coproduction.timeline.participation.api;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.IpaCategory;

/**
 * Participation in a project window by window, as of {@code asOf} and as the record stood at
 * {@code knownAt}. Every figure is a plain number (shares are fractions of 1, not percentages),
 * defined in docs/metrics.md.
 */
public record Participation(String projectId, Instant asOf, Instant knownAt, List<Window> windows) {

    public Participation {
        windows = List.copyOf(windows);
    }

    /**
     * One window: a phase ({@code key} its phaseId, or {@code before-first-phase}), a calendar
     * month ({@code 2011-03}) or quarter ({@code 2011-Q2}) in UTC, or the whole {@code project}.
     * {@code start} is inclusive and {@code end} exclusive; {@code start} is null for the
     * before-first-phase bucket and the whole project, {@code end} null for the last phase (running
     * as of asOf) and the whole project. {@code shift} is null for the first window.
     *
     * @param totalContributions contributions in meetings of the window
     * @param meetings meetings held in the window
     * @param gini Gini coefficient of contributions over the window's attendees (silent ones as 0)
     * @param perspectiveEntropy normalised Shannon entropy of the contribution shares by primary perspective
     */
    public record Window(
            String key,
            String name,
            Instant start,
            Instant end,
            int totalContributions,
            int meetings,
            double gini,
            double perspectiveEntropy,
            List<MemberFigures> members,
            List<PerspectiveFigures> perspectives,
            Decisions decisions,
            Map<String, Involvement> involvement,
            Shift shift) {

        public Window {
            members = List.copyOf(members);
            perspectives = List.copyOf(perspectives);
            involvement = Collections.unmodifiableSortedMap(new TreeMap<>(involvement));
        }
    }

    /**
     * One member in a window: attendees (silent ones included, with zero counts), and anyone who
     * contributed or influenced in it. {@code primaryPerspective} and {@code name} are the member's
     * at the window's end (or when they left); each contribution and influence is counted under
     * the perspective in force when it happened. {@code voiceRatio} is null for a member who attended
     * nothing in the window.
     */
    public record MemberFigures(
            String memberId,
            String name,
            String primaryPerspective,
            int contributions,
            double share,
            double attendanceShare,
            Double voiceRatio,
            Map<IpaCategory, Double> ipa,
            Map<IpaCategory.Area, Double> areas,
            int influences,
            double influenceShare) {

        public MemberFigures {
            ipa = byCategory(ipa);
            areas = byArea(areas);
        }
    }

    /**
     * One primary perspective in a window; {@code holderShare} counts a contribution once for every
     * perspective its member held, so holder shares can sum to more than 1.
     */
    public record PerspectiveFigures(
            String perspective,
            int contributions,
            double share,
            double holderShare,
            double attendanceShare,
            Double voiceRatio,
            Map<IpaCategory, Double> ipa,
            Map<IpaCategory.Area, Double> areas,
            int influences,
            double influenceShare) {

        public PerspectiveFigures {
            ipa = byCategory(ipa);
            areas = byArea(areas);
        }
    }

    /**
     * Decisions made in the window, by method, and how many of them had at least one influence
     * from a member whose primary perspective was SERVICE_USER when they influenced it;
     * {@code share} is that over {@code made} (0 when none was made).
     */
    public record Decisions(
            int made, Map<DecisionMethod, Integer> byMethod, int withServiceUserInfluence, double share) {

        public Decisions {
            EnumMap<DecisionMethod, Integer> copy = new EnumMap<>(DecisionMethod.class);
            copy.putAll(byMethod);
            byMethod = Collections.unmodifiableMap(copy);
        }
    }

    /** This window minus the one before; a perspective absent from one side counts 0 there. */
    public record Shift(double gini, double perspectiveEntropy, Map<String, PerspectiveShift> perspectives) {

        public Shift {
            perspectives = Collections.unmodifiableSortedMap(new TreeMap<>(perspectives));
        }
    }

    public record PerspectiveShift(double share, double influenceShare) {}

    static Map<IpaCategory, Double> byCategory(Map<IpaCategory, Double> shares) {
        EnumMap<IpaCategory, Double> copy = new EnumMap<>(IpaCategory.class);
        copy.putAll(shares);
        return Collections.unmodifiableMap(copy);
    }

    static Map<IpaCategory.Area, Double> byArea(Map<IpaCategory.Area, Double> shares) {
        EnumMap<IpaCategory.Area, Double> copy = new EnumMap<>(IpaCategory.Area.class);
        copy.putAll(shares);
        return Collections.unmodifiableMap(copy);
    }
}
