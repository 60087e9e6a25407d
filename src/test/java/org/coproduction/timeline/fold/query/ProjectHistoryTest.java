package org.coproduction.timeline.fold.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.fold.query.DecisionFacts.Discussion;
import org.junit.jupiter.api.Test;

class ProjectHistoryTest {

    private static final String PROJECT = "history";
    private static final String DECISION = "d-venue";
    private static final String ANN = "ann";

    private static final Instant STARTED = Instant.parse("2022-01-03T09:00:00Z");
    private static final Instant MEETING = Instant.parse("2022-01-20T10:00:00Z");
    private static final Instant SPOKE = Instant.parse("2022-01-20T10:10:00Z");
    private static final Instant PROPOSED = Instant.parse("2022-01-20T10:30:00Z");
    private static final Instant INFLUENCED = Instant.parse("2022-01-20T11:00:00Z");
    private static final Instant RECORDED = Instant.parse("2022-01-20T12:00:00Z");
    private static final Instant PROPOSAL_RECORDED = Instant.parse("2022-02-01T09:00:00Z");
    private static final Instant RETRACTED = Instant.parse("2022-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2022-06-01T00:00:00Z");

    /** Ann speaks to a decision whose proposal is recorded ten days after the meeting's minutes. */
    private static ProjectHistory history(Instant knownAt) {
        ProjectHistory history = new ProjectHistory(knownAt);
        List<ProjectEvent> events = List.of(
                new ProjectRegistered(PROJECT, STARTED, "A study", null, null),
                new MemberJoined(PROJECT, STARTED, ANN, "Ann Archer", "RESEARCHER", List.of("ACADEMIC")),
                new MeetingHeld(PROJECT, MEETING, "m-1", "Kick-off", MeetingKind.TEAM, List.of(ANN)),
                new DecisionProposed(PROJECT, PROPOSED, DECISION, "Where to meet", ANN),
                new ContributionRecorded(
                        PROJECT, SPOKE, "m-1", "c-1", ANN, IpaCategory.GIVES_SUGGESTION, DECISION, null),
                new InfluenceRecorded(
                        PROJECT, INFLUENCED, DECISION, "i-1", ANN, InfluenceKind.SUPPORTED, null, null, null),
                new InfluenceRetracted(PROJECT, RETRACTED, DECISION, "i-1", "wrong decision"));
        List<Instant> recordedAt =
                List.of(STARTED, STARTED, RECORDED, PROPOSAL_RECORDED, RECORDED, RECORDED, RETRACTED);
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i), recordedAt.get(i), "e-" + i, i);
        }
        return history;
    }

    @Test
    void givenAProposalNotYetRecorded_whenTheDecisionIsAsked_thenContributionsNamingItStillCountAsDiscussion() {
        // Known at 01-21: the minutes (c-1, i-1) are recorded, the proposal is not. The influence
        // table of the read model answers the same way: discussion does not hang on the proposal.
        DecisionFacts facts = history(RECORDED.plusSeconds(1)).decision(DECISION, LATER);

        assertThat(facts.proposal()).isNull();
        assertThat(facts.discussions()).containsExactly(new Discussion("c-1", ANN, SPOKE, 4));
    }

    @Test
    void givenNoEventOfTheDecisionKnown_whenTheDecisionIsAsked_thenContributionsNamingItStillCount() {
        ProjectHistory history = history(RECORDED);
        // The influence is known too; without it, the decision has no event of its own known.
        ProjectHistory onlyTheMinutes = new ProjectHistory(RECORDED);
        onlyTheMinutes.add(
                new ContributionRecorded(
                        PROJECT, SPOKE, "m-1", "c-1", ANN, IpaCategory.GIVES_SUGGESTION, DECISION, null),
                RECORDED,
                "e-4",
                4);

        assertThat(onlyTheMinutes.holdsDecision(DECISION)).isFalse();
        assertThat(onlyTheMinutes.decision(DECISION, LATER).discussions())
                .isEqualTo(history.decision(DECISION, LATER).discussions())
                .hasSize(1);
    }

    @Test
    void givenARetractionKnownAtKnownAt_whenAskedAtAnEarlierValidTime_thenTheInfluenceIsGone() {
        assertThat(history(RETRACTED.minusSeconds(1))
                        .decision(DECISION, INFLUENCED)
                        .influences())
                .extracting(DecisionFacts.Influence::influenceId)
                .containsExactly("i-1");
        assertThat(history(RETRACTED).decision(DECISION, INFLUENCED).influences())
                .isEmpty();
    }

    @Test
    void skipsEventsRecordedAfterKnownAt() {
        ProjectHistory history = history(RECORDED);

        assertThat(history.events()).isEqualTo(5);
        assertThat(history.decision(DECISION, LATER).proposal()).isNull();
        assertThat(history(PROPOSAL_RECORDED).decision(DECISION, LATER).proposal())
                .isNotNull();
    }

    @Test
    void givenAReflectionCodedTwice_thenItsCodesAreThoseOfTheLatestCodingAsOfEachDate() {
        Instant recoded = LATER.minusSeconds(3600);
        ProjectHistory history = new ProjectHistory(LATER);
        history.add(
                new ReflectionWritten(
                        PROJECT, MEETING, "r-1", ANN, "Felt unheard today", Visibility.PRIVATE, null, null),
                RECORDED,
                "e-1",
                1);
        history.add(new ReflectionCoded(PROJECT, RECORDED, "r-1", List.of("voice", "power"), ANN), RECORDED, "e-2", 2);
        history.add(new ReflectionCoded(PROJECT, recoded, "r-1", List.of("voice"), ANN), recoded, "e-3", 3);

        assertThat(history.codes("r-1", SPOKE)).isEmpty();
        assertThat(history.codes("r-1", RECORDED)).containsExactly("voice", "power");
        assertThat(history.codes("r-1", LATER)).containsExactly("voice");
        assertThat(history.firstRecordedAt()).isEqualTo(RECORDED);
        assertThat(history.lastRecordedAt()).isEqualTo(recoded);
    }

    @Test
    void givenACodingRecordedAfterKnownAt_thenTheReflectionReadsUncoded() {
        ProjectHistory history = new ProjectHistory(RECORDED);
        history.add(new ReflectionCoded(PROJECT, RECORDED, "r-1", List.of("voice"), ANN), LATER, "e-2", 2);

        assertThat(history.codes("r-1", LATER)).isEmpty();
        assertThat(history.firstRecordedAt()).isNull();
    }

    @Test
    void keepsTheRegistrationsDescriptionAndEventIdAndCountsInterviewsAsOfADate() {
        ProjectHistory history = new ProjectHistory(LATER);
        history.add(
                new ProjectRegistered(PROJECT, STARTED, "A study", "How peer workers shape services", "NIHR"),
                STARTED,
                "e-0",
                0);
        history.add(
                new InterviewRecorded(PROJECT, MEETING, "iv-1", ANN, ANN, "What Ann said", List.of("voice")),
                RECORDED,
                "e-1",
                1);

        assertThat(history.description()).isEqualTo("How peer workers shape services");
        assertThat(history.registrationEventId()).isEqualTo("e-0");
        assertThat(history.interviews(SPOKE)).isEqualTo(1);
        assertThat(history.interviews(STARTED)).isZero();
        assertThat(new ProjectHistory(LATER).description()).isNull();
    }

    @Test
    void aPassageReadsAsItsLatestCodingByAsOf_aCodingWithNoCodeClearsIt_andAnotherRangeIsAnotherPassage() {
        Instant recoded = RECORDED.plusSeconds(3600);
        Instant cleared = LATER.minusSeconds(3600);
        ProjectHistory history = new ProjectHistory(LATER);
        PassageSource r = PassageSource.REFLECTION;
        List<ProjectEvent> events = List.of(
                new MemberJoined(PROJECT, STARTED, "ben", "Ben", "RESEARCHER", List.of("ACADEMIC")),
                new ReflectionWritten(PROJECT, MEETING, "r-1", ANN, "Felt unheard today", Visibility.TEAM, null, null),
                new PassageCoded(PROJECT, RECORDED, r, "r-1", 0, 4, List.of("voice"), ANN),
                new PassageCoded(PROJECT, RECORDED, r, "r-1", 5, 12, List.of("power"), ANN),
                // recorded first, occurred later: still the later coding
                new PassageCoded(PROJECT, recoded, r, "r-1", 0, 4, List.of("voice", "trust"), "ben"),
                new PassageCoded(PROJECT, RECORDED, r, "r-1", 0, 5, List.of("tokenism"), ANN),
                new PassageCoded(PROJECT, cleared, r, "r-1", 5, 12, List.of(), "ben"));
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i), RECORDED, "e-" + i, i);
        }

        assertThat(history.passages(SPOKE)).isEmpty();
        assertThat(history.passages(RECORDED))
                .extracting(p -> p.start() + "-" + p.end() + " " + p.codes() + " " + p.codedBy())
                .containsExactly("0-4 [voice] ann", "0-5 [tokenism] ann", "5-12 [power] ann");
        assertThat(history.passages(LATER))
                .containsExactly(
                        new ProjectHistory.Passage(r, "r-1", 0, 4, List.of("voice", "trust"), "ben", recoded),
                        new ProjectHistory.Passage(r, "r-1", 0, 5, List.of("tokenism"), ANN, RECORDED));
    }

    @Test
    void aWithdrawalFromEverythingTakesTheMembersPassageCodingsAndThePassagesOfTheirTexts() {
        ProjectHistory history = new ProjectHistory(LATER);
        List<ProjectEvent> events = List.of(
                new ReflectionWritten(PROJECT, MEETING, "r-ann", ANN, "Mine", Visibility.TEAM, null, null),
                new ReflectionWritten(PROJECT, MEETING, "r-ben", "ben", "His", Visibility.TEAM, null, null),
                new InterviewRecorded(PROJECT, MEETING, "i-ben", "ben", ANN, "About Ben", null),
                new PassageCoded(PROJECT, RECORDED, PassageSource.REFLECTION, "r-ann", 0, 2, List.of("a"), ANN),
                new PassageCoded(PROJECT, SPOKE, PassageSource.REFLECTION, "r-ann", 0, 2, List.of("b"), "ben"),
                new PassageCoded(PROJECT, RECORDED, PassageSource.REFLECTION, "r-ben", 0, 2, List.of("c"), ANN),
                new PassageCoded(PROJECT, RECORDED, PassageSource.INTERVIEW, "i-ben", 0, 2, List.of("d"), ANN),
                new ConsentWithdrawn(PROJECT, RECORDED, "ben", WithdrawalScope.ALL));
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i), RECORDED, "e-" + i, i);
        }

        // Ben's later coding of Ann's passage goes, and Ann's earlier one reads again.
        assertThat(history.passages(LATER))
                .extracting(p -> p.sourceId() + " " + p.codes())
                .containsExactly("r-ann [a]");
    }
}
