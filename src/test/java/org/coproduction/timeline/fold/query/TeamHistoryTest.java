package org.coproduction.timeline.fold.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.fold.query.MemberChange.Kind;
import org.junit.jupiter.api.Test;

class TeamHistoryTest {

    private static final String ANN = "ann";
    private static final String BEN = "ben";
    private static final String ANN_NAME = "Ann Archer";
    private static final String BEN_NAME = "Ben Bell";

    private static final Instant JOINED = Instant.parse("2022-01-03T10:00:00Z");
    private static final Instant CHANGED = Instant.parse("2022-03-01T00:00:00Z");
    private static final Instant LEFT = Instant.parse("2022-05-31T17:00:00Z");
    private static final Instant REJOINED = Instant.parse("2022-09-01T09:00:00Z");

    private static final MemberChange ANN_JOINS =
            new MemberChange(ANN, Kind.JOINED, ANN_NAME, "SERVICE_USER_RESEARCHER", List.of("SERVICE_USER"), JOINED, 1);
    private static final MemberChange BEN_JOINS =
            new MemberChange(BEN, Kind.JOINED, BEN_NAME, "RESEARCHER", List.of("ACADEMIC"), JOINED, 2);
    private static final MemberChange ANN_CHANGES = new MemberChange(
            ANN, Kind.CHANGED, null, "PEER_WORKER", List.of("PEER_WORKER", "SERVICE_USER"), CHANGED, 3);
    private static final MemberChange ANN_LEAVES = new MemberChange(ANN, Kind.LEFT, null, null, null, LEFT, 4);

    @Test
    void givenARoleChange_whenAskedAtItsOccurredAt_thenTheNewRoleIsInForce() {
        TeamHistory team = new TeamHistory(List.of(ANN_JOINS, BEN_JOINS, ANN_CHANGES));

        assertThat(team.at(ANN, CHANGED))
                .contains(new MemberState(ANN, ANN_NAME, "PEER_WORKER", List.of("PEER_WORKER", "SERVICE_USER"), true));
    }

    @Test
    void givenARoleChange_whenAskedJustBeforeIt_thenTheOldRoleIsInForce() {
        TeamHistory team = new TeamHistory(List.of(ANN_JOINS, ANN_CHANGES));

        MemberState earlier = new MemberState(ANN, ANN_NAME, "SERVICE_USER_RESEARCHER", List.of("SERVICE_USER"), true);
        assertThat(team.at(ANN, CHANGED.minusNanos(1))).contains(earlier);
        assertThat(team.before(ANN, CHANGED)).contains(earlier);
    }

    @Test
    void givenChangesRecordedOutOfOrder_whenAsked_thenTheyApplyInValidTimeOrder() {
        // The change is handed in first (it was recorded first), but it took effect after the joining.
        TeamHistory team = new TeamHistory(List.of(ANN_CHANGES, ANN_JOINS));

        assertThat(team.at(ANN, CHANGED).orElseThrow().role()).isEqualTo("PEER_WORKER");
        assertThat(team.at(ANN, JOINED).orElseThrow().role()).isEqualTo("SERVICE_USER_RESEARCHER");
    }

    @Test
    void givenTwoChangesAtOneInstant_whenAsked_thenTheLaterRecordedOneWins() {
        MemberChange corrected = new MemberChange(
                ANN, Kind.CHANGED, null, "OBSERVER", List.of("PUBLIC"), CHANGED, ANN_CHANGES.order() + 10);
        TeamHistory team = new TeamHistory(List.of(corrected, ANN_JOINS, ANN_CHANGES));

        assertThat(team.at(ANN, CHANGED).orElseThrow().role()).isEqualTo("OBSERVER");
    }

    @Test
    void cannotFindAMemberBeforeTheyJoined() {
        TeamHistory team = new TeamHistory(List.of(ANN_JOINS));

        assertThat(team.at(ANN, JOINED.minusSeconds(1))).isEmpty();
        assertThat(team.before(ANN, JOINED)).isEmpty();
        assertThat(team.at("nobody", JOINED)).isEmpty();
    }

    @Test
    void givenAMemberWhoLeft_whenAskedAfterwards_thenTheyKeepTheRoleTheyLeftWithButAreNotActive() {
        TeamHistory team = new TeamHistory(List.of(ANN_JOINS, ANN_CHANGES, ANN_LEAVES));

        assertThat(team.at(ANN, LEFT))
                .contains(new MemberState(ANN, ANN_NAME, "PEER_WORKER", List.of("PEER_WORKER", "SERVICE_USER"), false));
        assertThat(team.before(ANN, LEFT).orElseThrow().active()).isTrue();
    }

    @Test
    void givenAMemberWhoLeft_whenTheTeamIsListed_thenTheyAreOnItOnlyBeforeLeaving() {
        TeamHistory team = new TeamHistory(List.of(ANN_JOINS, BEN_JOINS, ANN_LEAVES));

        assertThat(team.team(LEFT.minusSeconds(1), true))
                .extracting(MemberState::memberId)
                .containsExactly(ANN, BEN);
        assertThat(team.team(LEFT, false)).extracting(MemberState::memberId).containsExactly(ANN, BEN);
        assertThat(team.team(LEFT, true)).extracting(MemberState::memberId).containsExactly(BEN);
    }

    @Test
    void givenAMemberWhoRejoined_whenAskedAfterwards_thenTheNewMembershipIsInForce() {
        MemberChange rejoins =
                new MemberChange(ANN, Kind.JOINED, "Ann Archer-Lee", "ADVISORY_MEMBER", List.of("CARER"), REJOINED, 5);
        TeamHistory team = new TeamHistory(List.of(ANN_JOINS, ANN_LEAVES, rejoins));

        assertThat(team.at(ANN, REJOINED))
                .contains(new MemberState(ANN, "Ann Archer-Lee", "ADVISORY_MEMBER", List.of("CARER"), true));
        assertThat(team.at(ANN, REJOINED.minusSeconds(1)).orElseThrow().active())
                .isFalse();
    }

    @Test
    void listsTheChangesOfAPeriodFromItsStartInclusiveToItsEndExclusive() {
        TeamHistory team = new TeamHistory(List.of(ANN_LEAVES, ANN_CHANGES, BEN_JOINS, ANN_JOINS));

        assertThat(team.changesBetween(JOINED, LEFT)).containsExactly(ANN_JOINS, BEN_JOINS, ANN_CHANGES);
        assertThat(team.changesBetween(CHANGED, null)).containsExactly(ANN_CHANGES, ANN_LEAVES);
    }
}
