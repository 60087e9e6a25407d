package org.coproduction.timeline.replay.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.coproduction.timeline.replay.api.PhaseReplay;
import org.coproduction.timeline.replay.api.PhaseReplay.TeamMember;
import org.coproduction.timeline.replay.api.ProjectReplay;
import org.junit.jupiter.api.Test;

/**
 * A small study replayed phase by phase, every figure worked out by hand below.
 *
 * <pre>
 * 01-03  Ann (researcher, ACADEMIC) and Ben (service user researcher, SERVICE_USER) join
 * 01-10  design starts
 * 01-20  meeting m-1 (Ann, Ben): c-1 Ann, c-2 Ben, c-3 Ben (retracted, recorded 04-01); Ben proposes d-1
 * 02-15  Ben becomes a peer worker: PEER_WORKER, SERVICE_USER
 * 03-01  fieldwork starts
 * 03-05  Cat (clinician, CLINICIAN) joins
 * 03-10  meeting m-2 (Ann, Ben, Cat): c-4 Ben, c-5 Cat, c-6 Cat (recorded late, 05-01); d-1 made by Ann and Ben
 * 03-20  Ann leaves
 * </pre>
 */
class ReplayQueryTest {

    private static final String PROJECT = "small-study";
    private static final String ANN = "ann";
    private static final String BEN = "ben";
    private static final String CAT = "cat";

    private static final Instant KNOWN_BEFORE_LATE_MINUTES = Instant.parse("2022-04-15T00:00:00Z");
    private static final Instant KNOWN_AFTER_LATE_MINUTES = Instant.parse("2022-06-01T00:00:00Z");
    private static final Instant MARCH_10 = Instant.parse("2022-03-10T10:00:00Z");

    private record Recorded(ProjectEvent event, Instant recordedAt) {}

    private static List<Recorded> events() {
        List<Recorded> events = new ArrayList<>();
        events.add(at(
                "2022-01-03T09:00:00Z",
                new ProjectRegistered(PROJECT, t("2022-01-03T09:00:00Z"), "Small", null, null)));
        events.add(at(
                "2022-01-03T09:00:00Z",
                new MemberJoined(PROJECT, t("2022-01-03T09:00:00Z"), ANN, "Ann", "RESEARCHER", List.of("ACADEMIC"))));
        events.add(at(
                "2022-01-03T09:00:00Z",
                new MemberJoined(
                        PROJECT,
                        t("2022-01-03T09:00:00Z"),
                        BEN,
                        "Ben",
                        "SERVICE_USER_RESEARCHER",
                        List.of("SERVICE_USER"))));
        events.add(
                at("2022-01-10T09:00:00Z", new PhaseStarted(PROJECT, t("2022-01-10T09:00:00Z"), "design", "Design")));
        events.add(at(
                "2022-01-21T09:00:00Z",
                new MeetingHeld(
                        PROJECT, t("2022-01-20T10:00:00Z"), "m-1", "Kick-off", MeetingKind.TEAM, List.of(ANN, BEN))));
        events.add(at("2022-01-21T09:00:00Z", contribution("2022-01-20T10:05:00Z", "m-1", "c-1", ANN)));
        events.add(at("2022-01-21T09:00:00Z", contribution("2022-01-20T10:10:00Z", "m-1", "c-2", BEN)));
        events.add(at("2022-01-21T09:00:00Z", contribution("2022-01-20T10:15:00Z", "m-1", "c-3", BEN)));
        events.add(at(
                "2022-01-21T09:00:00Z",
                new DecisionProposed(PROJECT, t("2022-01-20T10:20:00Z"), "d-1", "Meet monthly", BEN)));
        events.add(at(
                "2022-02-15T09:00:00Z",
                new MemberRoleChanged(
                        PROJECT,
                        t("2022-02-15T09:00:00Z"),
                        BEN,
                        "PEER_WORKER",
                        List.of("PEER_WORKER", "SERVICE_USER"))));
        events.add(at(
                "2022-03-01T09:00:00Z",
                new PhaseStarted(PROJECT, t("2022-03-01T09:00:00Z"), "fieldwork", "Fieldwork")));
        events.add(at(
                "2022-03-05T09:00:00Z",
                new MemberJoined(PROJECT, t("2022-03-05T09:00:00Z"), CAT, "Cat", "CLINICIAN", List.of("CLINICIAN"))));
        events.add(at(
                "2022-03-11T09:00:00Z",
                new MeetingHeld(PROJECT, MARCH_10, "m-2", "Fieldwork", MeetingKind.TEAM, List.of(ANN, BEN, CAT))));
        events.add(at("2022-03-11T09:00:00Z", contribution("2022-03-10T10:05:00Z", "m-2", "c-4", BEN)));
        events.add(at("2022-03-11T09:00:00Z", contribution("2022-03-10T10:10:00Z", "m-2", "c-5", CAT)));
        events.add(at(
                "2022-03-11T09:00:00Z",
                new DecisionMade(
                        PROJECT,
                        t("2022-03-10T11:00:00Z"),
                        "d-1",
                        "Monthly",
                        DecisionMethod.CONSENSUS,
                        List.of(ANN, BEN))));
        events.add(at("2022-03-20T09:00:00Z", new MemberLeft(PROJECT, t("2022-03-20T09:00:00Z"), ANN)));
        events.add(at(
                "2022-04-01T09:00:00Z",
                new ContributionRetracted(PROJECT, t("2022-04-01T09:00:00Z"), "c-3", "duplicate")));
        events.add(at("2022-05-01T09:00:00Z", contribution("2022-03-10T10:20:00Z", "m-2", "c-6", CAT)));
        return events;
    }

    @Test
    void replaysEachPhaseWithTheTeamAtItsEndWhatHappenedInItAndTheShift() {
        ProjectReplay replay = replay(KNOWN_BEFORE_LATE_MINUTES, null);

        // Ann and Ben joined before design started: a bucket before the first phase, with no activity.
        assertThat(replay.phases())
                .extracting(PhaseReplay::phaseId)
                .containsExactly("before-first-phase", "design", "fieldwork");
        PhaseReplay before = replay.phases().get(0);
        assertThat(before.joined()).containsExactly(ANN, BEN);
        assertThat(before.activity().contributions()).isZero();

        // Design: Ben's change on 02-15 is in force at the phase's end; at 01-20 he was SERVICE_USER.
        // c-3 is retracted (known at 04-15), so two contributions, one each: shares 1/2 and 1/2.
        PhaseReplay design = replay.phases().get(1);
        assertThat(design.end()).isEqualTo(t("2022-03-01T09:00:00Z"));
        assertThat(design.team())
                .containsExactly(
                        new TeamMember(ANN, "Ann", "RESEARCHER", List.of("ACADEMIC")),
                        new TeamMember(BEN, "Ben", "PEER_WORKER", List.of("PEER_WORKER", "SERVICE_USER")));
        assertThat(design.changed()).containsExactly(BEN);
        assertThat(design.activity().meetings()).isEqualTo(1);
        assertThat(design.activity().meetingsByPerspective()).isEqualTo(Map.of("ACADEMIC", 1, "SERVICE_USER", 1));
        assertThat(design.activity().contributionsByPerspective()).isEqualTo(Map.of("ACADEMIC", 1, "SERVICE_USER", 1));
        assertThat(design.activity().contributionShareByPerspective())
                .isEqualTo(Map.of("ACADEMIC", 0.5, "SERVICE_USER", 0.5));
        assertThat(design.decisions()).singleElement().satisfies(d -> {
            assertThat(d.steps()).containsExactly("PROPOSED");
            assertThat(d.status()).isEqualTo(DecisionStatus.PROPOSED);
            assertThat(d.influencers()).extracting(i -> i.memberId()).containsExactly(BEN);
        });
        // From the empty bucket: same team size, one more meeting, two more contributions.
        assertThat(design.shift().teamSize()).isZero();
        assertThat(design.shift().meetings()).isEqualTo(1);
        assertThat(design.shift().contributions()).isEqualTo(2);
        assertThat(design.shift().contributionShareByPerspective())
                .isEqualTo(Map.of("ACADEMIC", 0.5, "SERVICE_USER", 0.5));

        // Fieldwork, still running: Cat joined, Ann left (after attending m-2 as an academic).
        // c-6 is recorded on 05-01, after knownAt: c-4 by Ben (now PEER_WORKER) and c-5 by Cat.
        PhaseReplay fieldwork = replay.phases().get(2);
        assertThat(fieldwork.end()).isNull();
        assertThat(fieldwork.team()).extracting(TeamMember::memberId).containsExactly(BEN, CAT);
        assertThat(fieldwork.joined()).containsExactly(CAT);
        assertThat(fieldwork.left()).containsExactly(ANN);
        assertThat(fieldwork.activity().meetingsByPerspective())
                .isEqualTo(Map.of("ACADEMIC", 1, "PEER_WORKER", 1, "CLINICIAN", 1));
        assertThat(fieldwork.activity().contributionsByPerspective())
                .isEqualTo(Map.of("PEER_WORKER", 1, "CLINICIAN", 1));
        assertThat(fieldwork.decisions()).singleElement().satisfies(d -> {
            assertThat(d.steps()).containsExactly("MADE");
            assertThat(d.status()).isEqualTo(DecisionStatus.MADE);
            assertThat(d.decidedBy()).containsExactly(ANN, BEN);
        });
        assertThat(fieldwork.shift().decisionsMade()).isEqualTo(1);
        assertThat(fieldwork.shift().contributionShareByPerspective())
                .isEqualTo(Map.of("ACADEMIC", -0.5, "SERVICE_USER", -0.5, "PEER_WORKER", 0.5, "CLINICIAN", 0.5));
    }

    @Test
    void givenLateMinutesKnown_thenTheyCountInThePhaseTheyHappenedIn() {
        PhaseReplay fieldwork = replay(KNOWN_AFTER_LATE_MINUTES, null).phases().get(2);

        assertThat(fieldwork.activity().contributionsByPerspective())
                .isEqualTo(Map.of("PEER_WORKER", 1, "CLINICIAN", 2));
    }

    @Test
    void givenUntilADate_thenTheLastPhaseEndsThereWithTheTeamOfThatDay() {
        PhaseReplay fieldwork = replay(KNOWN_AFTER_LATE_MINUTES, "2022-03-05T12:00:00Z")
                .phases()
                .get(2);

        assertThat(fieldwork.end()).isEqualTo(t("2022-03-05T12:00:00Z"));
        assertThat(fieldwork.team()).extracting(TeamMember::memberId).containsExactly(ANN, BEN, CAT);
        assertThat(fieldwork.activity().meetings()).isZero();
        assertThat(fieldwork.decisions()).isEmpty();
    }

    private static ProjectReplay replay(Instant knownAt, String until) {
        ProjectHistory history = new ProjectHistory(knownAt);
        List<Recorded> events = events();
        for (int i = 0; i < events.size(); i++) {
            history.add(events.get(i).event(), events.get(i).recordedAt(), "e-" + i, i);
        }
        ProjectHistoryReader reader = mock(ProjectHistoryReader.class);
        when(reader.read(eq(PROJECT), any())).thenReturn(history);
        return new ReplayQuery(reader).replay(PROJECT, knownAt, until);
    }

    private static ContributionRecorded contribution(
            String at, String meetingId, String contributionId, String memberId) {
        return new ContributionRecorded(
                PROJECT, t(at), meetingId, contributionId, memberId, IpaCategory.GIVES_OPINION, null, null);
    }

    private static Recorded at(String recordedAt, ProjectEvent event) {
        return new Recorded(event, t(recordedAt));
    }

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }
}
