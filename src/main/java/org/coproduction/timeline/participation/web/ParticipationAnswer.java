package org.coproduction.timeline.participation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation;

/**
 * The participation answer as the API writes it: the figures of {@link Participation}, unchanged,
 * the size a person or a chart needs. Shares and counts of 0 are left out of the maps {@code ipa},
 * {@code areas} and {@code byMethod} (a missing key reads as 0), and the twelve IPA shares of each
 * member and perspective come only with {@link Detail#FULL} (their four areas always). Nulls are spelled out, as the
 * contract writes them: an undefined voice ratio, the shift of the first window, an open end.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ParticipationAnswer(String projectId, Instant asOf, Instant knownAt, List<WindowFigures> windows) {

    /** How much of each window the answer holds. */
    enum Detail {
        /** Every figure but the IPA shares by category of members and perspectives: what the page and its charts read. */
        SUMMARY,
        /** Every figure, the IPA shares by category too. */
        FULL
    }

    static ParticipationAnswer of(Participation participation, Detail detail) {
        return new ParticipationAnswer(
                participation.projectId(),
                participation.asOf(),
                participation.knownAt(),
                participation.windows().stream()
                        .map(w -> WindowFigures.of(w, detail))
                        .toList());
    }

    /** A window of {@link Participation.Window}, its members' and perspectives' maps without zeros. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WindowFigures(
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
            DecisionFigures decisions,
            Map<String, Involvement> involvement,
            Participation.Shift shift) {

        static WindowFigures of(Participation.Window w, Detail detail) {
            Participation.Decisions d = w.decisions();
            return new WindowFigures(
                    w.key(),
                    w.name(),
                    w.start(),
                    w.end(),
                    w.totalContributions(),
                    w.meetings(),
                    w.gini(),
                    w.perspectiveEntropy(),
                    w.members().stream().map(m -> MemberFigures.of(m, detail)).toList(),
                    w.perspectives().stream()
                            .map(p -> PerspectiveFigures.of(p, detail))
                            .toList(),
                    new DecisionFigures(
                            d.made(),
                            nonZero(d.byMethod(), DecisionMethod.class),
                            d.withServiceUserInfluence(),
                            d.share()),
                    w.involvement(),
                    w.shift());
        }
    }

    /** {@link Participation.MemberFigures}; {@code ipa} absent unless {@code detail=full}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MemberFigures(
            String memberId,
            String name,
            String primaryPerspective,
            int contributions,
            double share,
            double attendanceShare,
            Double voiceRatio,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<IpaCategory, Double> ipa,
            Map<IpaCategory.Area, Double> areas,
            int influences,
            double influenceShare) {

        static MemberFigures of(Participation.MemberFigures m, Detail detail) {
            return new MemberFigures(
                    m.memberId(),
                    m.name(),
                    m.primaryPerspective(),
                    m.contributions(),
                    m.share(),
                    m.attendanceShare(),
                    m.voiceRatio(),
                    detail == Detail.FULL ? nonZero(m.ipa(), IpaCategory.class) : null,
                    nonZero(m.areas(), IpaCategory.Area.class),
                    m.influences(),
                    m.influenceShare());
        }
    }

    /** {@link Participation.PerspectiveFigures}; {@code ipa} absent unless {@code detail=full}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PerspectiveFigures(
            String perspective,
            int contributions,
            double share,
            double holderShare,
            double attendanceShare,
            Double voiceRatio,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<IpaCategory, Double> ipa,
            Map<IpaCategory.Area, Double> areas,
            int influences,
            double influenceShare) {

        static PerspectiveFigures of(Participation.PerspectiveFigures p, Detail detail) {
            return new PerspectiveFigures(
                    p.perspective(),
                    p.contributions(),
                    p.share(),
                    p.holderShare(),
                    p.attendanceShare(),
                    p.voiceRatio(),
                    detail == Detail.FULL ? nonZero(p.ipa(), IpaCategory.class) : null,
                    nonZero(p.areas(), IpaCategory.Area.class),
                    p.influences(),
                    p.influenceShare());
        }
    }

    /** {@link Participation.Decisions}, {@code byMethod} without the methods no decision was made by. */
    record DecisionFigures(
            int made, Map<DecisionMethod, Integer> byMethod, int withServiceUserInfluence, double share) {}

    /** The entries that are not 0, in the order of their enum. */
    static <K extends Enum<K>, V extends Number> Map<K, V> nonZero(Map<K, V> values, Class<K> keys) {
        EnumMap<K, V> kept = new EnumMap<>(keys);
        values.forEach((k, v) -> {
            if (v != null && v.doubleValue() != 0) {
                kept.put(k, v);
            }
        });
        return Collections.unmodifiableMap(kept);
    }
}
