package org.coproduction.timeline.influence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.timeline.api.InfluenceKind.AMENDED;
import static org.coproduction.timeline.api.InfluenceKind.OPPOSED;
import static org.coproduction.timeline.api.InfluenceKind.PROPOSED;
import static org.coproduction.timeline.api.InfluenceKind.SUPPORTED;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.DecisionFacts.Influence;
import org.coproduction.timeline.fold.query.DecisionFacts.Made;
import org.coproduction.timeline.fold.query.DecisionFacts.Proposal;
import org.coproduction.timeline.fold.query.DecisionFacts.Revision;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.MemberChange.Kind;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.api.InfluenceSummary.MemberInfluence;
import org.coproduction.timeline.influence.query.InfluenceAnswers.Counted;
import org.junit.jupiter.api.Test;

class InfluenceAnswersTest {

    private static final String PROJECT = "answers";
    private static final String DECISION = "d-pay";
    private static final String ANN = "ann";
    private static final String BEN = "ben";

    private static final Instant JOINED = Instant.parse("2022-01-03T10:00:00Z");
    private static final Instant PROPOSED_AT = Instant.parse("2022-01-20T10:30:00Z");
    private static final Instant SUPPORTED_AT = Instant.parse("2022-01-20T11:00:00Z");
    private static final Instant BEN_CHANGES = Instant.parse("2022-03-01T00:00:00Z");
    private static final Instant AMENDED_AT = Instant.parse("2022-03-05T10:00:00Z");
    private static final Instant MADE_AT = Instant.parse("2022-02-15T10:00:00Z");
    private static final Instant FIRST_REVISION_AT = Instant.parse("2022-03-10T10:00:00Z");
    private static final Instant SECOND_REVISION_AT = Instant.parse("2022-04-01T10:00:00Z");
    private static final Instant ASKED = Instant.parse("2022-06-01T00:00:00Z");

    private static final Proposal PROPOSAL =
            new Proposal("Pay peer researchers", ANN, PROPOSED_AT, PROPOSED_AT, "e-proposal", 5);
    private static final Made MADE =
            new Made("Pay at the living wage", DecisionMethod.CONSENSUS, List.of(ANN), MADE_AT, MADE_AT, "e-made", 20);

    private static final TeamHistory TEAM = new TeamHistory(List.of(
            new MemberChange(ANN, Kind.JOINED, "Ann Archer", "RESEARCHER", List.of("ACADEMIC"), JOINED, 1),
            new MemberChange(
                    BEN, Kind.JOINED, "Ben Bell", "SERVICE_USER_RESEARCHER", List.of("SERVICE_USER"), JOINED, 2),
            new MemberChange(
                    BEN, Kind.CHANGED, null, "PEER_WORKER", List.of("PEER_WORKER", "SERVICE_USER"), BEN_CHANGES, 30)));

    private static Influence influence(String id, String member, InfluenceKind kind, Instant at, long order) {
        return new Influence(id, member, kind, null, null, null, at, at, "e-" + id, order);
    }

    private static DecisionFacts facts(
            Proposal proposal, Made made, List<Revision> revisions, Influence... influences) {
        return new DecisionFacts(DECISION, proposal, made, revisions, List.of(influences), List.of());
    }

    @Test
    void givenOnlyAProposal_whenCounted_thenTheProposerHasOneImpliedProposedInfluence() {
        List<Counted> counted = InfluenceAnswers.counted(facts(PROPOSAL, null, List.of()));

        assertThat(counted).containsExactly(new Counted(DECISION, ANN, PROPOSED, PROPOSED_AT, PROPOSAL.order()));
    }

    @Test
    void givenAnExplicitProposedInfluenceByTheProposer_whenCounted_thenTheProposalIsNotCountedTwice() {
        Influence explicit = influence("i-ann", ANN, PROPOSED, PROPOSED_AT, 6);

        List<Counted> counted = InfluenceAnswers.counted(facts(PROPOSAL, null, List.of(), explicit));

        // One PROPOSED for ann: the explicit one replaces the implied one.
        assertThat(counted).containsExactly(new Counted(DECISION, ANN, PROPOSED, PROPOSED_AT, 6));
    }

    @Test
    void givenAProposedInfluenceBySomeoneElse_whenCounted_thenTheProposerStillHasTheImpliedOne() {
        Influence coProposer = influence("i-ben", BEN, PROPOSED, SUPPORTED_AT, 7);

        List<Counted> counted = InfluenceAnswers.counted(facts(PROPOSAL, null, List.of(), coProposer));

        assertThat(counted)
                .containsExactly(
                        new Counted(DECISION, ANN, PROPOSED, PROPOSED_AT, PROPOSAL.order()),
                        new Counted(DECISION, BEN, PROPOSED, SUPPORTED_AT, 7));
    }

    @Test
    void givenNoVisibleProposal_whenCounted_thenOnlyTheRecordedInfluencesCount() {
        Influence support = influence("i-ben", BEN, SUPPORTED, SUPPORTED_AT, 7);

        assertThat(InfluenceAnswers.counted(facts(null, null, List.of(), support)))
                .containsExactly(new Counted(DECISION, BEN, SUPPORTED, SUPPORTED_AT, 7));
    }

    @Test
    void statusFollowsTheVisibleSteps() {
        Revision revision = new Revision("Pay more", FIRST_REVISION_AT, FIRST_REVISION_AT, "e-rev", 40);

        assertThat(InfluenceAnswers.status(facts(null, null, List.of()))).isEqualTo(DecisionStatus.NOT_YET_PROPOSED);
        assertThat(InfluenceAnswers.status(facts(PROPOSAL, null, List.of()))).isEqualTo(DecisionStatus.PROPOSED);
        assertThat(InfluenceAnswers.status(facts(PROPOSAL, MADE, List.of()))).isEqualTo(DecisionStatus.MADE);
        assertThat(InfluenceAnswers.status(facts(PROPOSAL, MADE, List.of(revision))))
                .isEqualTo(DecisionStatus.REVISED);
    }

    @Test
    void givenRevisionsRecordedOutOfOrder_whenTheOutcomeIsAsked_thenTheLatestInValidTimeIsInForce() {
        // The April revision was recorded first; the March one, recorded later, happened earlier.
        Revision april =
                new Revision("Pay the living wage plus travel", SECOND_REVISION_AT, SECOND_REVISION_AT, "e-2", 40);
        Revision march = new Revision("Pay the living wage", FIRST_REVISION_AT, ASKED, "e-1", 50);

        assertThat(InfluenceAnswers.outcome(facts(PROPOSAL, MADE, List.of(april, march))))
                .isEqualTo("Pay the living wage plus travel");
        assertThat(InfluenceAnswers.outcome(facts(PROPOSAL, MADE, List.of()))).isEqualTo("Pay at the living wage");
        assertThat(InfluenceAnswers.outcome(facts(PROPOSAL, null, List.of()))).isNull();
    }

    @Test
    void givenTheProposersExplicitProposal_whenInfluencersAreListed_thenTheyAppearOnceWithBothPiecesOfEvidence() {
        Influence explicit = influence("i-ann", ANN, PROPOSED, PROPOSED_AT, 6);

        DecisionInfluencers answer = InfluenceAnswers.influencers(
                PROJECT, PointInTime.now(ASKED), facts(PROPOSAL, null, List.of(), explicit), TEAM);

        assertThat(answer.influencers()).hasSize(1);
        Influencer ann = answer.influencers().get(0);
        assertThat(ann.kinds()).containsExactly(PROPOSED);
        assertThat(ann.evidence()).extracting(e -> e.influenceId()).containsExactly(null, "i-ann");
    }

    @Test
    void givenAMemberWhosePerspectivesChanged_whenInfluencersAreListed_thenThoseOfTheLatestInfluenceAreShown() {
        Influence support = influence("i-1", BEN, SUPPORTED, SUPPORTED_AT, 7);
        Influence amendment = influence("i-2", BEN, AMENDED, AMENDED_AT, 31);
        Influence opposition = influence("i-3", BEN, OPPOSED, SUPPORTED_AT.plusSeconds(60), 8);

        DecisionInfluencers answer = InfluenceAnswers.influencers(
                PROJECT,
                PointInTime.now(ASKED),
                facts(PROPOSAL, MADE, List.of(), amendment, support, opposition),
                TEAM);

        Influencer ben = answer.influencers().get(1);
        assertThat(ben.memberId()).isEqualTo(BEN);
        assertThat(ben.role()).isEqualTo("PEER_WORKER");
        assertThat(ben.perspectives()).containsExactly("PEER_WORKER", "SERVICE_USER");
        // Kinds in catalogue order, evidence in valid-time order.
        assertThat(ben.kinds()).containsExactly(SUPPORTED, OPPOSED, AMENDED);
        assertThat(ben.evidence()).extracting(e -> e.influenceId()).containsExactly("i-1", "i-3", "i-2");
        assertThat(answer.decidedBy()).containsExactly(ANN);
    }

    @Test
    void givenInfluencesAcrossARoleChange_whenSummarised_thenEachCountsUnderThePerspectiveOfItsTime() {
        Influence support = influence("i-1", BEN, SUPPORTED, SUPPORTED_AT, 7);
        Influence amendment = influence("i-2", BEN, AMENDED, AMENDED_AT, 31);

        InfluenceSummary summary = InfluenceAnswers.summary(
                PROJECT,
                PointInTime.now(ASKED),
                List.of(facts(PROPOSAL, MADE, List.of(), support, amendment)),
                TEAM,
                null);

        // ann's implied PROPOSED (ACADEMIC), ben's SUPPORTED (SERVICE_USER) and AMENDED (PEER_WORKER).
        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.decisions()).isEqualTo(1);
        assertThat(summary.members())
                .containsExactly(
                        new MemberInfluence(
                                BEN, "Ben Bell", "PEER_WORKER", 2, 2.0 / 3, 1, Map.of(SUPPORTED, 1, AMENDED, 1)),
                        new MemberInfluence(ANN, "Ann Archer", "ACADEMIC", 1, 1.0 / 3, 1, Map.of(PROPOSED, 1)));
        assertThat(summary.perspectives())
                .extracting(p -> p.perspective() + "=" + p.influences())
                .containsExactly("ACADEMIC=1", "PEER_WORKER=1", "SERVICE_USER=1");
    }
}
