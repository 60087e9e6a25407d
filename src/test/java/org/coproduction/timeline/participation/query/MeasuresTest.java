package org.coproduction.timeline.participation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.IpaCategory.Area;
import org.coproduction.timeline.participation.api.Involvement;
import org.junit.jupiter.api.Test;

/** Each measure of docs/metrics.md on inputs small enough to work out by hand. */
class MeasuresTest {

    private static final Offset<Double> FOUR_PLACES = within(0.00005);
    private static final Offset<Double> EXACT = within(1e-12);

    // ---- Gini

    @Test
    void givesMetricsGiniExample() {
        // |differences| over ordered pairs: 2 * (2+4+6+2+4+2) = 40; 2 n^2 mean = 2 * 16 * 3 = 96.
        assertThat(Measures.gini(List.of(6, 4, 2, 0))).isCloseTo(0.4167, FOUR_PLACES);
        assertThat(Measures.gini(List.of(6, 4, 2, 0))).isCloseTo(40.0 / 96.0, EXACT);
    }

    @Test
    void givenEveryoneEqual_thenGiniIsZero() {
        assertThat(Measures.gini(List.of(3, 3, 3))).isZero();
    }

    @Test
    void givenNobodySpoke_thenGiniIsZero() {
        assertThat(Measures.gini(List.of(0, 0, 0))).isZero();
        assertThat(Measures.gini(List.of())).isZero();
    }

    @Test
    void givenASilentAttendee_thenTheyCountAsZeroAndRaiseGini() {
        // Without the silent one: [6, 4, 2]: 2 * (2+4+2) = 16 over 2 * 9 * 4 = 72.
        assertThat(Measures.gini(List.of(6, 4, 2))).isCloseTo(16.0 / 72.0, EXACT);
        // With them, the METRICS example: 40 / 96.
        assertThat(Measures.gini(List.of(6, 4, 2, 0))).isGreaterThan(Measures.gini(List.of(6, 4, 2)));
    }

    // ---- perspective entropy

    @Test
    void givenOnePerspective_thenEntropyIsZero() {
        assertThat(Measures.normalisedEntropy(List.of(7), 1)).isZero();
    }

    @Test
    void givenSeveralPerspectives_thenEntropyIsNormalisedByTheirNumber() {
        // p = 4/9, 3/9, 2/9 and a present but silent fourth, K = 4:
        // -(0.4444 ln 0.4444 + 0.3333 ln 0.3333 + 0.2222 ln 0.2222) = 0.36041 + 0.36620 + 0.33424 = 1.06085;
        // over ln 4 = 1.38629: 0.7652.
        assertThat(Measures.normalisedEntropy(List.of(4, 3, 2, 0), 4)).isCloseTo(0.7652, FOUR_PLACES);
    }

    @Test
    void givenPerspectivesSpeakingEqually_thenEntropyIsOne() {
        assertThat(Measures.normalisedEntropy(List.of(2, 2, 2), 3)).isCloseTo(1.0, EXACT);
    }

    @Test
    void givenNothingSaid_thenEntropyIsZero() {
        assertThat(Measures.normalisedEntropy(List.of(0, 0), 2)).isZero();
    }

    // ---- shares and voice ratio

    @Test
    void givenNoTotal_thenShareIsZero() {
        assertThat(Measures.share(0, 0)).isZero();
        assertThat(Measures.share(1, 4)).isEqualTo(0.25);
    }

    @Test
    void givenAMemberWhoAttendedNothing_thenVoiceRatioIsUndefined() {
        assertThat(Measures.voiceRatio(0.0, 0.0)).isNull();
        assertThat(Measures.voiceRatio(0.2, 0.0)).isNull();
    }

    @Test
    void givenASilentAttendee_thenVoiceRatioIsZeroNotUndefined() {
        assertThat(Measures.voiceRatio(0.0, 0.25)).isZero();
    }

    @Test
    void givenSpeechInProportionToPresence_thenVoiceRatioIsOne() {
        assertThat(Measures.voiceRatio(0.25, 0.25)).isEqualTo(1.0);
        // 4 of 9 contributions from 2 of 7 attendances.
        assertThat(Measures.voiceRatio(4.0 / 9, 2.0 / 7)).isCloseTo(28.0 / 18, EXACT);
    }

    // ---- IPA

    @Test
    void sharesContributionsOutOverTheTwelveCategoriesAndFourAreas() {
        Map<IpaCategory, Integer> counts = Map.of(
                IpaCategory.AGREES, 1,
                IpaCategory.GIVES_OPINION, 2,
                IpaCategory.ASKS_FOR_OPINION, 1);

        assertThat(Measures.ipaShares(counts))
                .hasSize(12)
                .containsEntry(IpaCategory.AGREES, 0.25)
                .containsEntry(IpaCategory.GIVES_OPINION, 0.5)
                .containsEntry(IpaCategory.ASKS_FOR_OPINION, 0.25)
                .containsEntry(IpaCategory.SHOWS_ANTAGONISM, 0.0);
        assertThat(Measures.areaShares(counts))
                .containsExactly(
                        Map.entry(Area.POSITIVE_REACTIONS, 0.25),
                        Map.entry(Area.ATTEMPTED_ANSWERS, 0.5),
                        Map.entry(Area.QUESTIONS, 0.25),
                        Map.entry(Area.NEGATIVE_REACTIONS, 0.0));
    }

    @Test
    void placesEachCategoryInBalesArea() {
        // Categories 1-3, 4-6, 7-9 and 10-12, one contribution in each of the first, fourth, seventh and tenth.
        Map<IpaCategory, Integer> counts = Map.of(
                IpaCategory.SHOWS_TENSION_RELEASE, 1,
                IpaCategory.GIVES_ORIENTATION, 1,
                IpaCategory.ASKS_FOR_SUGGESTION, 1,
                IpaCategory.SHOWS_TENSION, 1);

        assertThat(Measures.areaShares(counts))
                .containsOnly(
                        Map.entry(Area.POSITIVE_REACTIONS, 0.25),
                        Map.entry(Area.ATTEMPTED_ANSWERS, 0.25),
                        Map.entry(Area.QUESTIONS, 0.25),
                        Map.entry(Area.NEGATIVE_REACTIONS, 0.25));
    }

    @Test
    void givenNoContributions_thenEveryIpaShareIsZero() {
        assertThat(Measures.areaShares(Map.of()).values()).containsOnly(0.0).hasSize(4);
    }

    // ---- involvement

    @Test
    void involvementIsTheHighestLevelThatHolds() {
        assertThat(Measures.involvement(false, false, false)).isEqualTo(Involvement.NONE);
        assertThat(Measures.involvement(true, false, false)).isEqualTo(Involvement.CONSULTED);
        assertThat(Measures.involvement(true, true, false)).isEqualTo(Involvement.COLLABORATED);
        assertThat(Measures.involvement(true, true, true)).isEqualTo(Involvement.LED);
    }

    @Test
    void givenAPerspectiveAbsentFromMeetings_whenItInfluenced_thenItIsStillNone() {
        // COLLABORATED is "at least one of them", the attendees: an absent perspective has no "them".
        assertThat(Measures.involvement(false, true, false)).isEqualTo(Involvement.NONE);
    }
}
