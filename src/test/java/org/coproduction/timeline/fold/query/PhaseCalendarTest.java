package org.coproduction.timeline.fold.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.timeline.fold.query.PhaseCalendar.BEFORE_FIRST_PHASE;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.fold.query.PhaseCalendar.Span;
import org.junit.jupiter.api.Test;

class PhaseCalendarTest {

    private static final String DESIGN = "design";
    private static final String FIELDWORK = "fieldwork";
    private static final Instant DESIGN_STARTS = Instant.parse("2022-02-01T00:00:00Z");
    private static final Instant FIELDWORK_STARTS = Instant.parse("2022-03-01T00:00:00Z");

    private static final PhaseStart DESIGN_START = new PhaseStart(DESIGN, "Design", DESIGN_STARTS, 4);
    private static final PhaseStart FIELDWORK_START = new PhaseStart(FIELDWORK, "Fieldwork", FIELDWORK_STARTS, 9);

    // Handed in out of order: the calendar orders phases by their start.
    private final PhaseCalendar calendar = new PhaseCalendar(List.of(FIELDWORK_START, DESIGN_START));

    @Test
    void givenTwoPhases_whenBuilt_thenEachRunsFromItsStartToTheNextOnesStart() {
        assertThat(calendar.spans())
                .containsExactly(
                        new Span(DESIGN, "Design", DESIGN_STARTS, FIELDWORK_STARTS),
                        new Span(FIELDWORK, "Fieldwork", FIELDWORK_STARTS, null));
    }

    @Test
    void givenAPhase_whenAskedAtItsStart_thenTheDateFallsInIt() {
        assertThat(calendar.at(DESIGN_STARTS).phaseId()).isEqualTo(DESIGN);
        assertThat(calendar.find(DESIGN).orElseThrow().contains(DESIGN_STARTS)).isTrue();
    }

    @Test
    void givenAPhase_whenAskedAtTheNextPhasesStart_thenTheDateFallsInTheNextOne() {
        assertThat(calendar.at(FIELDWORK_STARTS.minusNanos(1)).phaseId()).isEqualTo(DESIGN);
        assertThat(calendar.at(FIELDWORK_STARTS).phaseId()).isEqualTo(FIELDWORK);
        assertThat(calendar.find(DESIGN).orElseThrow().contains(FIELDWORK_STARTS))
                .isFalse();
    }

    @Test
    void givenADateBeforeTheFirstPhase_whenAsked_thenItFallsInTheBeforeFirstPhaseBucket() {
        Span bucket = calendar.at(DESIGN_STARTS.minusNanos(1));

        assertThat(bucket.phaseId()).isEqualTo(BEFORE_FIRST_PHASE);
        assertThat(bucket.start()).isNull();
        assertThat(bucket.end()).isEqualTo(DESIGN_STARTS);
        assertThat(bucket.contains(Instant.parse("1999-01-01T00:00:00Z"))).isTrue();
        assertThat(bucket.contains(DESIGN_STARTS)).isFalse();
    }

    @Test
    void givenNoPhase_whenAsked_thenEverythingIsBeforeTheFirstPhase() {
        PhaseCalendar none = new PhaseCalendar(List.of());

        assertThat(none.at(FIELDWORK_STARTS).phaseId()).isEqualTo(BEFORE_FIRST_PHASE);
        assertThat(none.beforeFirstPhase().contains(FIELDWORK_STARTS)).isTrue();
        assertThat(none.spans()).isEmpty();
    }

    @Test
    void findsTheBeforeFirstPhaseBucketByItsKeyButNoUnknownPhase() {
        assertThat(calendar.find(BEFORE_FIRST_PHASE)).contains(calendar.beforeFirstPhase());
        assertThat(calendar.find("analysis")).isEmpty();
    }

    @Test
    void givenTwoPhasesStartingAtOneInstant_whenAsked_thenTheLaterRecordedOneHoldsThatInstant() {
        PhaseStart sameDay = new PhaseStart("ethics", "Ethics", FIELDWORK_STARTS, FIELDWORK_START.order() + 1);
        PhaseCalendar crowded = new PhaseCalendar(List.of(sameDay, FIELDWORK_START, DESIGN_START));

        assertThat(crowded.at(FIELDWORK_STARTS).phaseId()).isEqualTo("ethics");
        // The earlier-recorded one is an empty period [start, start): nothing falls in it.
        assertThat(crowded.find(FIELDWORK).orElseThrow().contains(FIELDWORK_STARTS))
                .isFalse();
    }
}
