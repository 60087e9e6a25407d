package org.coproduction.timeline.participation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.Participation.MemberFigures;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.participation.api.WindowKind;
import org.junit.jupiter.api.Test;

/** The edges of the windows and the population, on histories built in the test. */
class ParticipationFoldTest {

    private static final String PROJECT = "fold";
    private static final String ANN = "ann";
    private static final String BEN = "ben";
    private static final String CAL = "cal";

    private static final Instant STARTED = Instant.parse("2022-01-03T09:00:00Z");
    private static final Instant KICK_OFF = Instant.parse("2022-01-20T10:00:00Z");
    private static final Instant PROPOSED = Instant.parse("2022-01-25T10:00:00Z");
    private static final Instant DESIGN_START = Instant.parse("2022-02-01T00:00:00Z");
    private static final Instant DESIGN_MEETING = Instant.parse("2022-02-10T10:00:00Z");
    private static final Instant LATER = Instant.parse("2022-06-01T00:00:00Z");

    /**
     * A kick-off before the first phase, attended by ann and ben, where ann speaks twice and cal,
     * not listed as attending, once; cal proposes a decision before the phase too. In design, ann
     * and ben meet and ben speaks once.
     */
    private static ProjectHistory history(boolean withPhase) {
        List<ProjectEvent> events = new ArrayList<>(List.of(
                new ProjectRegistered(PROJECT, STARTED, "A study", null, null),
                new MemberJoined(PROJECT, STARTED, ANN, "Ann Archer", "RESEARCHER", List.of("ACADEMIC")),
                new MemberJoined(PROJECT, STARTED, BEN, "Ben Bell", "PEER_WORKER", List.of("PEER_WORKER")),
                new MemberJoined(PROJECT, STARTED, CAL, "Cal Cole", "CO_INVESTIGATOR", List.of("CLINICIAN")),
                new MeetingHeld(PROJECT, KICK_OFF, "m-1", "Kick-off", MeetingKind.TEAM, List.of(ANN, BEN)),
                contribution(KICK_OFF, "m-1", "c-1", ANN),
                contribution(KICK_OFF, "m-1", "c-2", ANN),
                contribution(KICK_OFF, "m-1", "c-3", CAL),
                new DecisionProposed(PROJECT, PROPOSED, "d-1", "Where to meet", CAL)));
        if (withPhase) {
            events.add(new PhaseStarted(PROJECT, DESIGN_START, "design", "Design"));
            events.add(new MeetingHeld(PROJECT, DESIGN_MEETING, "m-2", "Design", MeetingKind.TEAM, List.of(ANN, BEN)));
            events.add(contribution(DESIGN_MEETING, "m-2", "c-4", BEN));
        }
        ProjectHistory history = new ProjectHistory(LATER);
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i), events.get(i).occurredAt(), "e-" + i, i);
        }
        return history;
    }

    private static ContributionRecorded contribution(Instant at, String meetingId, String id, String memberId) {
        return new ContributionRecorded(
                PROJECT, at.plusSeconds(600), meetingId, id, memberId, IpaCategory.AGREES, null, null);
    }

    private static MemberFigures member(Window window, String memberId) {
        return window.members().stream()
                .filter(m -> m.memberId().equals(memberId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void givenMeetingsBeforeTheFirstPhase_thenTheyMakeABeforeFirstPhaseWindow() {
        Participation answer = FoldedParticipation.of(history(true), LATER).participation(PROJECT, WindowKind.PHASE);

        assertThat(answer.windows())
                .extracting(Window::key, Window::start, Window::end, Window::totalContributions)
                .containsExactly(
                        tuple(PhaseCalendar.BEFORE_FIRST_PHASE, null, DESIGN_START, 3),
                        tuple("design", DESIGN_START, null, 1));
    }

    /** A record spanning centuries (dates typed wrong) gets a clear refusal by month, not a heap of windows. */
    @Test
    void givenAHistoryReadAtAnotherKnownAt_thenItCannotAnswerForThisOne() {
        ProjectHistory readAtLater = history(true);

        assertThat(new ParticipationFold(new HistoryFacts(readAtLater, new PointInTime(DESIGN_MEETING, LATER)))
                        .participation(PROJECT, WindowKind.PHASE)
                        .knownAt())
                .isEqualTo(LATER);
        assertThatThrownBy(() -> new HistoryFacts(readAtLater, new PointInTime(LATER, DESIGN_MEETING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot answer as known at " + DESIGN_MEETING);
    }

    @Test
    void givenFactsCenturiesApart_thenMonthsAndQuartersAreRefusedNamingByWhilePhasesAnswer() {
        ProjectHistory history = history(false);
        Instant longAgo = Instant.parse("1500-01-01T10:00:00Z");
        history.add(
                new MeetingHeld(PROJECT, longAgo, "m-0", "Typed wrong", MeetingKind.TEAM, List.of(ANN)),
                longAgo,
                "e-x",
                99);
        ParticipationFold fold = FoldedParticipation.of(history, LATER);

        for (WindowKind by : List.of(WindowKind.MONTH, WindowKind.QUARTER)) {
            assertThatThrownBy(() -> fold.participation(PROJECT, by))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("522 years")
                    .extracting(e -> ((InvalidFieldException) e).field())
                    .isEqualTo("by");
        }
        assertThat(fold.participation(PROJECT, WindowKind.PHASE).windows()).hasSize(1);
        // Two hundred years less a month is still answered, month by month.
        ProjectHistory justInside = history(false);
        Instant edge = Instant.parse("1822-02-01T10:00:00Z");
        justInside.add(new MeetingHeld(PROJECT, edge, "m-0", "Old", MeetingKind.TEAM, List.of(ANN)), edge, "e-y", 99);
        assertThat(FoldedParticipation.of(justInside, LATER)
                        .participation(PROJECT, WindowKind.MONTH)
                        .windows())
                .hasSize((int) ParticipationFold.MAX_CALENDAR_MONTHS);
    }

    @Test
    void givenNoPhaseYet_thenTheWholeHistoryIsBeforeTheFirstPhase() {
        Participation answer = FoldedParticipation.of(history(false), LATER).participation(PROJECT, WindowKind.PHASE);

        assertThat(answer.windows())
                .extracting(Window::key, Window::start, Window::end)
                .containsExactly(tuple(PhaseCalendar.BEFORE_FIRST_PHASE, null, null));
    }

    @Test
    void givenAContributorNotListedAsAttending_thenTheirVoiceRatioIsUndefinedAndTheyAreNotInTheGiniPopulation() {
        Window kickOff = FoldedParticipation.of(history(false), LATER)
                .participation(PROJECT, WindowKind.PHASE)
                .windows()
                .get(0);

        // ann 2, cal 1 of 3; attendances ann 1, ben 1.
        MemberFigures cal = member(kickOff, CAL);
        assertThat(cal.share()).isEqualTo(1.0 / 3);
        assertThat(cal.attendanceShare()).isZero();
        assertThat(cal.voiceRatio()).isNull();
        // cal's proposal is an influence of his, though he attended nothing.
        assertThat(cal.influences()).isEqualTo(1);
        // Population: the attendees ann (2) and ben (0): 2 * 2 / (2 * 2 * 2) = 0.5.
        assertThat(kickOff.gini()).isEqualTo(0.5);
        // ben, the silent attendee, speaks in proportion 0 to a presence of 1/2.
        assertThat(member(kickOff, BEN).voiceRatio()).isZero();
    }

    @Test
    void givenNothingCounted_thenThereAreNoCalendarWindows() {
        ProjectHistory empty = new ProjectHistory(LATER);
        empty.add(new ProjectRegistered(PROJECT, STARTED, "A study", null, null), STARTED, "e-0", 0);

        assertThat(FoldedParticipation.of(empty, LATER)
                        .participation(PROJECT, WindowKind.MONTH)
                        .windows())
                .isEmpty();
        assertThat(FoldedParticipation.of(empty, LATER)
                        .participation(PROJECT, WindowKind.PROJECT)
                        .windows())
                .extracting(Window::key)
                .containsExactly("project");
    }

    /**
     * Meetings handed over out of time order, one on the last instant of February, one on the first
     * of March and one over two years later: each lands in its own month and quarter, and the quiet
     * ones between are windows with nothing in them.
     */
    @Test
    void givenFactsOutOfTimeOrderAndOnMonthEdges_thenEachFallsInTheMonthAndQuarterOfItsMeeting() {
        Instant marchStarts = Instant.parse("2022-03-01T00:00:00Z");
        Instant februaryEnds = marchStarts.minusNanos(1);
        Instant marchEnds = Instant.parse("2022-03-31T23:59:59Z");
        Instant muchLater = Instant.parse("2024-07-15T10:00:00Z");
        List<ProjectEvent> events = new ArrayList<>(List.of(
                new ProjectRegistered(PROJECT, STARTED, "A study", null, null),
                new MemberJoined(PROJECT, STARTED, ANN, "Ann Archer", "RESEARCHER", List.of("ACADEMIC"))));
        events.addAll(meetingWith(marchStarts, "m-a", 1));
        events.addAll(meetingWith(muchLater, "m-b", 3));
        events.addAll(meetingWith(februaryEnds, "m-c", 2));
        events.addAll(meetingWith(marchEnds, "m-d", 4));
        ProjectHistory history = new ProjectHistory(muchLater.plusSeconds(86_400));
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i), events.get(i).occurredAt(), "e-" + i, i);
        }
        ParticipationFold fold = FoldedParticipation.of(history, muchLater.plusSeconds(86_400));

        List<Window> months = fold.participation(PROJECT, WindowKind.MONTH).windows();
        // February 2022 to July 2024.
        assertThat(months).hasSize(30);
        assertThat(months)
                .filteredOn(w -> w.totalContributions() > 0)
                .extracting(Window::key, Window::totalContributions, Window::meetings)
                .containsExactly(tuple("2022-02", 2, 1), tuple("2022-03", 5, 2), tuple("2024-07", 3, 1));
        assertThat(months.get(1).start()).isEqualTo(marchStarts);
        List<Window> quarters = fold.participation(PROJECT, WindowKind.QUARTER).windows();
        // 2022-Q1 to 2024-Q3.
        assertThat(quarters).hasSize(11);
        assertThat(quarters)
                .filteredOn(w -> w.totalContributions() > 0)
                .extracting(Window::key, Window::totalContributions)
                .containsExactly(tuple("2022-Q1", 7), tuple("2024-Q3", 3));
    }

    /** A meeting attended by ann, with {@code contributions} of hers in it. */
    private static List<ProjectEvent> meetingWith(Instant at, String meetingId, int contributions) {
        List<ProjectEvent> events = new ArrayList<>();
        events.add(new MeetingHeld(PROJECT, at, meetingId, "Meeting " + meetingId, MeetingKind.TEAM, List.of(ANN)));
        for (int i = 0; i < contributions; i++) {
            events.add(new ContributionRecorded(
                    PROJECT, at, meetingId, meetingId + "-c" + i, ANN, IpaCategory.AGREES, null, null));
        }
        return events;
    }
}
