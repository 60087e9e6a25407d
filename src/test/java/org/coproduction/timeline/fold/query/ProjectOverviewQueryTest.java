package org.coproduction.timeline.fold.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.fold.api.ProjectOverview;
import org.coproduction.timeline.fold.api.ProjectOverview.Decision;
import org.coproduction.timeline.fold.api.ProjectOverview.Meeting;
import org.coproduction.timeline.fold.api.ProjectOverview.Member;
import org.coproduction.timeline.fold.api.ProjectOverview.Phase;
import org.junit.jupiter.api.Test;

class ProjectOverviewQueryTest {

    private static final String PROJECT = "overview";
    private static final Instant REGISTERED = Instant.parse("2022-01-03T09:00:00Z");
    private static final Instant DESIGN = Instant.parse("2022-01-10T00:00:00Z");
    private static final Instant MET = Instant.parse("2022-01-20T10:00:00Z");
    private static final Instant PROPOSED = Instant.parse("2022-01-20T10:30:00Z");
    private static final Instant FIELDWORK = Instant.parse("2022-03-01T00:00:00Z");
    private static final Instant BEN_CHANGES = Instant.parse("2022-03-10T00:00:00Z");
    private static final Instant ANN_LEAVES = Instant.parse("2022-04-01T00:00:00Z");
    private static final Instant MADE = Instant.parse("2022-04-15T00:00:00Z");
    private static final Instant LATER = Instant.parse("2022-06-01T00:00:00Z");
    private static final Instant KNOWN = Instant.parse("2023-01-01T00:00:00Z");

    private static ProjectHistory history() {
        ProjectHistory history = new ProjectHistory(KNOWN);
        List<ProjectEvent> events = List.of(
                new ProjectRegistered(PROJECT, REGISTERED, "A study", "About voices", null),
                new MemberJoined(PROJECT, REGISTERED, "ann", "Ann Archer", "RESEARCHER", List.of("ACADEMIC")),
                new MemberJoined(PROJECT, REGISTERED, "ben", "Ben Baker", "PEER_WORKER", List.of("SERVICE_USER")),
                new PhaseStarted(PROJECT, DESIGN, "design", "Design"),
                new MeetingHeld(PROJECT, MET, "m-1", "Kick-off", MeetingKind.TEAM, List.of("ann", "ben")),
                new DecisionProposed(PROJECT, PROPOSED, "d-1", "Where to meet", "ben"),
                new PhaseStarted(PROJECT, FIELDWORK, "fieldwork", "Fieldwork"),
                new MemberRoleChanged(
                        PROJECT, BEN_CHANGES, "ben", "SERVICE_USER_RESEARCHER", List.of("SERVICE_USER", "CARER")),
                new MemberLeft(PROJECT, ANN_LEAVES, "ann"),
                new DecisionMade(PROJECT, MADE, "d-1", "The library", DecisionMethod.CONSENSUS, List.of("ann")));
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i), KNOWN, "e-" + i, i);
        }
        return history;
    }

    @Test
    void givenAsOfAfterEverything_thenMembersShowTheirRoleNowAndWhoLeft() {
        ProjectOverview overview = ProjectOverviewQuery.overview(history(), PROJECT, LATER);

        assertThat(overview.title()).isEqualTo("A study");
        assertThat(overview.phases())
                .containsExactly(
                        new Phase("design", "Design", DESIGN, FIELDWORK),
                        new Phase("fieldwork", "Fieldwork", FIELDWORK, null));
        assertThat(overview.members())
                .containsExactly(
                        new Member(
                                "ann",
                                "Ann Archer",
                                "RESEARCHER",
                                List.of("ACADEMIC"),
                                "ACADEMIC",
                                false,
                                REGISTERED,
                                ANN_LEAVES,
                                false),
                        new Member(
                                "ben",
                                "Ben Baker",
                                "SERVICE_USER_RESEARCHER",
                                List.of("SERVICE_USER", "CARER"),
                                "SERVICE_USER",
                                true,
                                REGISTERED,
                                null,
                                false));
        assertThat(overview.meetings())
                .containsExactly(new Meeting("m-1", "Kick-off", "TEAM", MET, "design", List.of("ann", "ben")));
        assertThat(overview.decisions())
                .containsExactly(new Decision("d-1", "Where to meet", "MADE", "ben", PROPOSED, MADE));
    }

    @Test
    void givenAsOfInTheDesignPhase_thenLaterChangesAndTheOutcomeAreNotYetThere() {
        ProjectOverview overview = ProjectOverviewQuery.overview(history(), PROJECT, PROPOSED);

        assertThat(overview.phases()).extracting(Phase::phaseId).containsExactly("design");
        assertThat(overview.members())
                .extracting(Member::memberId, Member::role, Member::active)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ann", "RESEARCHER", true),
                        org.assertj.core.groups.Tuple.tuple("ben", "PEER_WORKER", true));
        assertThat(overview.decisions())
                .containsExactly(new Decision("d-1", "Where to meet", "PROPOSED", "ben", PROPOSED, null));
    }
}
