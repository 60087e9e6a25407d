package org.coproduction.timeline.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.IpaCategory.Area;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportRejectedException;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.MemberTrajectory.PhaseFigures;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.Participation.MemberFigures;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One hand-built study over three phases, imported with chosen recorded times; every expected
 * figure is worked out by hand beside its assertion. The fold reads the event store itself, so
 * nothing waits for a processor.
 *
 * <p>The study, in valid time (recorded at noon the same day unless said):
 *
 * <pre>
 * 2022-12-15  ann RESEARCHER [ACADEMIC], ben SERVICE_USER_RESEARCHER [SERVICE_USER],
 *             cal CO_INVESTIGATOR [CLINICIAN], dee ADVISORY_MEMBER [CARER] join
 * phase design (2023-01-01)
 *   01-10 10:00 m1, attended by ann, ben, cal, dee
 *               ann: GIVES_ORIENTATION, GIVES_OPINION, ASKS_FOR_OPINION; ben: GIVES_SUGGESTION, AGREES;
 *               cal: DISAGREES; dee says nothing
 *   01-10 10:30 ben proposes d1; 10:40 ann SUPPORTED d1
 *   02-10 10:00 m2, attended by ann, ben, cal
 *               ann: GIVES_SUGGESTION; ben: SHOWS_SOLIDARITY; cal: GIVES_OPINION, AGREES (c-cal-4)
 *   02-10 11:00 d1 made, CONSENSUS, decided by ann and ben
 *   02-11       c-cal-4 retracted (recorded 02-11 09:00)
 * phase fieldwork (2023-03-01); ben becomes PEER_WORKER [PEER_WORKER, SERVICE_USER] the same day
 *   03-15 10:00 m3, attended by ann, ben, cal, dee
 *               ben: GIVES_OPINION, GIVES_SUGGESTION, ASKS_FOR_ORIENTATION; ann: AGREES;
 *               dee: GIVES_ORIENTATION; cal says nothing;
 *               ann: GIVES_ORIENTATION (c-ann-late), recorded three months late, 06-15
 *   03-15 10:30 cal proposes d2; 10:45 ben AMENDED d2
 *   04-01 10:00 d2 made, LEAD_DECIDED, decided by cal
 * phase analysis (2023-05-01, running)
 *   05-02       cal leaves
 *   05-10 10:00 m4, attended by ann, ben, dee; each GIVES_OPINION once
 *   05-10 10:30 dee proposes d3; 05-20 d3 made, VOTE, decided by ann, ben, dee
 * </pre>
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationScenarioTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private static final String PROJECT = "participation-scenario";
    private static final String ANN = "ann";
    private static final String BEN = "ben";
    private static final String CAL = "cal";
    private static final String DEE = "dee";

    private static final String DESIGN = "design";
    private static final String FIELDWORK = "fieldwork";
    private static final String ANALYSIS = "analysis";

    private static final String ACADEMIC = "ACADEMIC";
    private static final String SERVICE_USER = "SERVICE_USER";
    private static final String CLINICIAN = "CLINICIAN";
    private static final String CARER = "CARER";
    private static final String PEER_WORKER = "PEER_WORKER";

    private static final String JOINED = "2022-12-15T09:00:00Z";
    private static final String M1 = "2023-01-10T10:00:00Z";
    private static final String M1_RECORDED = "2023-01-10T12:00:00Z";
    private static final String M2 = "2023-02-10T10:00:00Z";
    private static final String M2_RECORDED = "2023-02-10T12:00:00Z";
    private static final String RETRACTED = "2023-02-11T09:00:00Z";
    private static final String M3 = "2023-03-15T10:00:00Z";
    private static final String M3_RECORDED = "2023-03-15T12:00:00Z";
    private static final String LATE_RECORDED = "2023-06-15T09:00:00Z";
    private static final String M4 = "2023-05-10T10:00:00Z";
    private static final String M4_RECORDED = "2023-05-10T12:00:00Z";

    private static final Instant DESIGN_START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant FIELDWORK_START = Instant.parse("2023-03-01T00:00:00Z");
    private static final Instant ANALYSIS_START = Instant.parse("2023-05-01T00:00:00Z");

    /** Everything has happened and been recorded. */
    private static final Instant END = Instant.parse("2023-12-31T00:00:00Z");
    /** After fieldwork's minutes but before the late contribution was recorded. */
    private static final Instant BEFORE_LATE_RECORD = Instant.parse("2023-06-01T00:00:00Z");
    /** After m2's minutes were recorded, before cal's contribution was retracted. */
    private static final Instant BEFORE_RETRACTION = Instant.parse("2023-02-10T18:00:00Z");

    private static final InterchangeFile STUDY = study();

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    ParticipationQuery participation;

    @Autowired
    TestRestTemplate http;

    private static InterchangeFile study() {
        InterchangeFile file = new InterchangeFile(PROJECT)
                .add("ProjectRegistered", "2022-12-01", "2022-12-01T09:00:00Z", "title", "Participation study")
                .add("MemberJoined", JOINED, JOINED, member(ANN, "Ann Archer", "RESEARCHER", ACADEMIC))
                .add("MemberJoined", JOINED, JOINED, member(BEN, "Ben Bell", "SERVICE_USER_RESEARCHER", SERVICE_USER))
                .add("MemberJoined", JOINED, JOINED, member(CAL, "Cal Cole", "CO_INVESTIGATOR", CLINICIAN))
                .add("MemberJoined", JOINED, JOINED, member(DEE, "Dee Dunn", "ADVISORY_MEMBER", CARER))
                .add("PhaseStarted", "2023-01-01", "2023-01-01T09:00:00Z", "phaseId", DESIGN, "name", "Design")
                // design
                .add("MeetingHeld", M1, M1_RECORDED, meeting("m1", ANN, BEN, CAL, DEE));
        contribute(file, "m1", M1_RECORDED, 10, "c-ann-1", ANN, "GIVES_ORIENTATION");
        contribute(file, "m1", M1_RECORDED, 11, "c-ann-2", ANN, "GIVES_OPINION");
        contribute(file, "m1", M1_RECORDED, 12, "c-ann-3", ANN, "ASKS_FOR_OPINION");
        contribute(file, "m1", M1_RECORDED, 13, "c-ben-1", BEN, "GIVES_SUGGESTION");
        contribute(file, "m1", M1_RECORDED, 14, "c-ben-2", BEN, "AGREES");
        contribute(file, "m1", M1_RECORDED, 15, "c-cal-1", CAL, "DISAGREES");
        file.add(
                        "DecisionProposed",
                        "2023-01-10T10:30:00Z",
                        M1_RECORDED,
                        "decisionId",
                        "d1",
                        "title",
                        "Pay peer researchers",
                        "proposedBy",
                        BEN)
                .add(
                        "InfluenceRecorded",
                        "2023-01-10T10:40:00Z",
                        M1_RECORDED,
                        "decisionId",
                        "d1",
                        "influenceId",
                        "i-ann-1",
                        "memberId",
                        ANN,
                        "kind",
                        "SUPPORTED")
                .add("MeetingHeld", M2, M2_RECORDED, meeting("m2", ANN, BEN, CAL));
        contribute(file, "m2", M2_RECORDED, 10, "c-ann-4", ANN, "GIVES_SUGGESTION");
        contribute(file, "m2", M2_RECORDED, 11, "c-ben-3", BEN, "SHOWS_SOLIDARITY");
        contribute(file, "m2", M2_RECORDED, 12, "c-cal-2", CAL, "GIVES_OPINION");
        contribute(file, "m2", M2_RECORDED, 13, "c-cal-4", CAL, "AGREES");
        file.add(
                        "DecisionMade",
                        "2023-02-10T11:00:00Z",
                        M2_RECORDED,
                        "decisionId",
                        "d1",
                        "outcome",
                        "At the living wage",
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of(ANN, BEN))
                .add(
                        "ContributionRetracted",
                        RETRACTED,
                        RETRACTED,
                        "contributionId",
                        "c-cal-4",
                        "reason",
                        "minuted twice")
                // fieldwork
                .add(
                        "MemberRoleChanged",
                        "2023-03-01",
                        "2023-03-01T09:00:00Z",
                        "memberId",
                        BEN,
                        "role",
                        "PEER_WORKER",
                        "perspectives",
                        List.of(PEER_WORKER, SERVICE_USER))
                .add("PhaseStarted", "2023-03-01", "2023-03-01T09:00:00Z", "phaseId", FIELDWORK, "name", "Fieldwork")
                .add("MeetingHeld", M3, M3_RECORDED, meeting("m3", ANN, BEN, CAL, DEE));
        contribute(file, "m3", M3_RECORDED, 10, "c-ben-4", BEN, "GIVES_OPINION");
        contribute(file, "m3", M3_RECORDED, 11, "c-ben-5", BEN, "GIVES_SUGGESTION");
        contribute(file, "m3", M3_RECORDED, 12, "c-ben-6", BEN, "ASKS_FOR_ORIENTATION");
        contribute(file, "m3", M3_RECORDED, 13, "c-ann-5", ANN, "AGREES");
        contribute(file, "m3", M3_RECORDED, 14, "c-dee-1", DEE, "GIVES_ORIENTATION");
        file.add(
                        "DecisionProposed",
                        "2023-03-15T10:30:00Z",
                        M3_RECORDED,
                        "decisionId",
                        "d2",
                        "title",
                        "Interview at home",
                        "proposedBy",
                        CAL)
                .add(
                        "InfluenceRecorded",
                        "2023-03-15T10:45:00Z",
                        M3_RECORDED,
                        "decisionId",
                        "d2",
                        "influenceId",
                        "i-ben-1",
                        "memberId",
                        BEN,
                        "kind",
                        "AMENDED")
                .add(
                        "DecisionMade",
                        "2023-04-01T10:00:00Z",
                        "2023-04-01T12:00:00Z",
                        "decisionId",
                        "d2",
                        "outcome",
                        "At home or in a community centre",
                        "method",
                        "LEAD_DECIDED",
                        "decidedBy",
                        List.of(CAL))
                // analysis
                .add("PhaseStarted", "2023-05-01", "2023-05-01T09:00:00Z", "phaseId", ANALYSIS, "name", "Analysis")
                .add("MemberLeft", "2023-05-02", "2023-05-02T09:00:00Z", "memberId", CAL)
                .add("MeetingHeld", M4, M4_RECORDED, meeting("m4", ANN, BEN, DEE));
        contribute(file, "m4", M4_RECORDED, 10, "c-ann-6", ANN, "GIVES_OPINION");
        contribute(file, "m4", M4_RECORDED, 11, "c-ben-7", BEN, "GIVES_OPINION");
        contribute(file, "m4", M4_RECORDED, 12, "c-dee-2", DEE, "GIVES_OPINION");
        file.add(
                        "DecisionProposed",
                        "2023-05-10T10:30:00Z",
                        M4_RECORDED,
                        "decisionId",
                        "d3",
                        "title",
                        "Code the transcripts together",
                        "proposedBy",
                        DEE)
                .add(
                        "DecisionMade",
                        "2023-05-20T10:00:00Z",
                        "2023-05-20T12:00:00Z",
                        "decisionId",
                        "d3",
                        "outcome",
                        "In pairs",
                        "method",
                        "VOTE",
                        "decidedBy",
                        List.of(ANN, BEN, DEE));
        // Minuted in March, typed up three months later.
        contribute(file, "m3", LATE_RECORDED, 50, "c-ann-late", ANN, "GIVES_ORIENTATION");
        return file;
    }

    private static Object[] member(String id, String name, String role, String perspective) {
        return new Object[] {"memberId", id, "name", name, "role", role, "perspectives", List.of(perspective)};
    }

    private static Object[] meeting(String id, String... attendees) {
        return new Object[] {"meetingId", id, "title", "Meeting " + id, "kind", "TEAM", "attendees", List.of(attendees)
        };
    }

    /** A contribution {@code minute} minutes past 10:00 on the meeting's day. */
    private static void contribute(
            InterchangeFile file,
            String meetingId,
            String recordedAt,
            int minute,
            String id,
            String member,
            String category) {
        String day = recordedAt.equals(LATE_RECORDED) ? M3.substring(0, 10) : recordedAt.substring(0, 10);
        file.add(
                "ContributionRecorded",
                day + "T10:" + minute + ":00Z",
                recordedAt,
                "meetingId",
                meetingId,
                "contributionId",
                id,
                "memberId",
                member,
                "category",
                category);
    }

    @BeforeAll
    void importTheStudy(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("study.jsonl");
        Files.writeString(file, STUDY.text(), StandardCharsets.UTF_8);
        try {
            importer.importFile(file, ImportProgress.NONE);
        } catch (ImportRejectedException e) {
            fail("the study was refused: " + e.errors());
        }
    }

    private Participation byPhase(Instant knownAt) {
        return participation.participation(PROJECT, WindowKind.PHASE, new PointInTime(END, knownAt));
    }

    private static Window window(Participation answer, String key) {
        return answer.windows().stream()
                .filter(w -> w.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no window " + key));
    }

    private static MemberFigures member(Window window, String memberId) {
        return window.members().stream()
                .filter(m -> m.memberId().equals(memberId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no member " + memberId + " in " + window.key()));
    }

    private static PerspectiveFigures perspective(Window window, String perspective) {
        return window.perspectives().stream()
                .filter(p -> p.perspective().equals(perspective))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no perspective " + perspective + " in " + window.key()));
    }

    // ---- windows

    @Test
    void givenOnlyJoiningBeforeTheFirstPhase_thenThereIsNoBeforeFirstPhaseWindow() {
        Participation answer = byPhase(END);

        assertThat(answer.windows()).extracting(Window::key).containsExactly(DESIGN, FIELDWORK, ANALYSIS);
        assertThat(answer.windows())
                .extracting(Window::start, Window::end)
                .containsExactly(
                        tuple(DESIGN_START, FIELDWORK_START),
                        tuple(FIELDWORK_START, ANALYSIS_START),
                        tuple(ANALYSIS_START, null));
    }

    // ---- design: a silent attendee and a retracted contribution

    @Test
    void givenTheDesignPhase_thenEveryFigureIsAsWorkedOutByHand() {
        Window design = window(byPhase(END), DESIGN);

        // m1: ann 3, ben 2, cal 1, dee 0; m2: ann 1, ben 1, cal 1 (c-cal-4 retracted). Total 9.
        assertThat(design.meetings()).isEqualTo(2);
        assertThat(design.totalContributions()).isEqualTo(9);
        assertThat(design.members())
                .extracting(MemberFigures::memberId, MemberFigures::contributions)
                .containsExactly(tuple(ANN, 4), tuple(BEN, 3), tuple(CAL, 2), tuple(DEE, 0));
        // Gini over [4, 3, 2, 0], dee counted: 2 * (1+2+4+1+3+2) = 26 over 2 * 4 * 9 = 72.
        assertThat(design.gini()).isCloseTo(26.0 / 72, EXACT);
        // p = 4/9, 3/9, 2/9, 0 over K = 4 perspectives present: 1.06085 / ln 4 = 0.76525.
        assertThat(design.perspectiveEntropy()).isCloseTo(0.76525, within(0.00001));

        // Attendances: ann 2, ben 2, cal 2, dee 1 = 7.
        MemberFigures ann = member(design, ANN);
        assertThat(ann.share()).isCloseTo(4.0 / 9, EXACT);
        assertThat(ann.attendanceShare()).isCloseTo(2.0 / 7, EXACT);
        // (4/9) / (2/7) = 28/18 = 1.5556: ann spoke more than her presence.
        assertThat(ann.voiceRatio()).isCloseTo(28.0 / 18, EXACT);
        // GIVES_ORIENTATION, GIVES_OPINION, GIVES_SUGGESTION (attempted answers), ASKS_FOR_OPINION (question).
        assertThat(ann.areas())
                .containsEntry(Area.ATTEMPTED_ANSWERS, 0.75)
                .containsEntry(Area.QUESTIONS, 0.25)
                .containsEntry(Area.POSITIVE_REACTIONS, 0.0);
        assertThat(ann.ipa()).containsEntry(IpaCategory.GIVES_OPINION, 0.25);
        // Influences in design: ben's implied PROPOSED on d1, ann's SUPPORTED: one each of two.
        assertThat(ann.influences()).isEqualTo(1);
        assertThat(ann.influenceShare()).isEqualTo(0.5);

        MemberFigures dee = member(design, DEE);
        // The silent attendee: present in the population with zero, voice ratio 0 (not undefined).
        assertThat(dee.contributions()).isZero();
        assertThat(dee.attendanceShare()).isCloseTo(1.0 / 7, EXACT);
        assertThat(dee.voiceRatio()).isZero();
        assertThat(dee.areas().values()).containsOnly(0.0);

        assertThat(member(design, BEN).primaryPerspective()).isEqualTo(SERVICE_USER);
        // cal's contributions: DISAGREES and GIVES_OPINION; the retracted AGREES is gone.
        assertThat(member(design, CAL).areas())
                .containsEntry(Area.NEGATIVE_REACTIONS, 0.5)
                .containsEntry(Area.ATTEMPTED_ANSWERS, 0.5)
                .containsEntry(Area.POSITIVE_REACTIONS, 0.0);
    }

    @Test
    void givenTheDesignPhase_thenPerspectivesDecisionsAndInvolvementAreAsWorkedOutByHand() {
        Window design = window(byPhase(END), DESIGN);

        // Ben is SERVICE_USER here: 3 of 9 contributions, 2 of 7 attendances, 1 of 2 influences.
        PerspectiveFigures serviceUser = perspective(design, SERVICE_USER);
        assertThat(serviceUser.contributions()).isEqualTo(3);
        assertThat(serviceUser.share()).isCloseTo(1.0 / 3, EXACT);
        assertThat(serviceUser.holderShare()).isCloseTo(1.0 / 3, EXACT);
        assertThat(serviceUser.attendanceShare()).isCloseTo(2.0 / 7, EXACT);
        assertThat(serviceUser.voiceRatio()).isCloseTo(7.0 / 6, EXACT);
        assertThat(serviceUser.influences()).isEqualTo(1);
        assertThat(serviceUser.influenceShare()).isEqualTo(0.5);
        assertThat(design.perspectives())
                .extracting(PerspectiveFigures::perspective)
                .containsExactly(ACADEMIC, CARER, CLINICIAN, SERVICE_USER);

        // d1 made by consensus; ben proposed it while SERVICE_USER.
        assertThat(design.decisions().made()).isEqualTo(1);
        assertThat(design.decisions().byMethod())
                .containsEntry(DecisionMethod.CONSENSUS, 1)
                .containsEntry(DecisionMethod.VOTE, 0);
        assertThat(design.decisions().withServiceUserInfluence()).isEqualTo(1);
        assertThat(design.decisions().share()).isEqualTo(1.0);

        // ann and ben influenced d1, made here; cal and dee were only present; PEER_WORKER (ben's
        // primary from March) had nobody present. Decided by two perspectives: nobody led.
        assertThat(design.involvement())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        ACADEMIC, Involvement.COLLABORATED,
                        CARER, Involvement.CONSULTED,
                        CLINICIAN, Involvement.CONSULTED,
                        PEER_WORKER, Involvement.NONE,
                        SERVICE_USER, Involvement.COLLABORATED)));
        assertThat(design.shift()).isNull();
    }

    @Test
    void givenKnownAtBeforeTheRetraction_thenTheRetractedContributionStillCounts() {
        Window design = window(
                participation.participation(PROJECT, WindowKind.PHASE, new PointInTime(END, BEFORE_RETRACTION)),
                DESIGN);

        // c-cal-4 not yet retracted: 10 contributions, cal 3.
        assertThat(design.totalContributions()).isEqualTo(10);
        assertThat(member(design, CAL).contributions()).isEqualTo(3);
    }

    // ---- fieldwork: a changed perspective and a late record

    @Test
    void givenBensPerspectiveChangedBetweenPhases_thenFieldworkCountsHimAsPeerWorker() {
        Window fieldwork = window(byPhase(END), FIELDWORK);

        // Contributions: ben 3, ann 1 + the late one = 2, dee 1, cal 0; 6 in all.
        assertThat(fieldwork.totalContributions()).isEqualTo(6);
        MemberFigures ben = member(fieldwork, BEN);
        assertThat(ben.primaryPerspective()).isEqualTo(PEER_WORKER);
        assertThat(ben.share()).isEqualTo(0.5);
        // Everyone attended m3 only: 1 of 4 each; 0.5 / 0.25 = 2.
        assertThat(ben.attendanceShare()).isEqualTo(0.25);
        assertThat(ben.voiceRatio()).isEqualTo(2.0);
        assertThat(member(fieldwork, CAL).voiceRatio()).isZero();

        PerspectiveFigures peerWorker = perspective(fieldwork, PEER_WORKER);
        assertThat(peerWorker.contributions()).isEqualTo(3);
        assertThat(peerWorker.share()).isEqualTo(0.5);
        // SERVICE_USER is only ben's second perspective now: no contributions or attendance of its
        // own, so no voice ratio, but as a holder it has ben's 3 of 6.
        PerspectiveFigures serviceUser = perspective(fieldwork, SERVICE_USER);
        assertThat(serviceUser.contributions()).isZero();
        assertThat(serviceUser.holderShare()).isEqualTo(0.5);
        assertThat(serviceUser.attendanceShare()).isZero();
        assertThat(serviceUser.voiceRatio()).isNull();

        // Gini over [3, 2, 1, 0]: 2 * (1+2+3+1+2+1) = 20 over 2 * 4 * 6 = 48 = 0.41667.
        assertThat(fieldwork.gini()).isCloseTo(20.0 / 48, EXACT);
        // p = 3/6, 2/6, 1/6, 0 over K = 4: 1.01140 / ln 4 = 0.72957.
        assertThat(fieldwork.perspectiveEntropy()).isCloseTo(0.72957, within(0.00001));

        // Ben's AMENDED came while he was PEER_WORKER: d2 has no service-user influence. Cal alone
        // decided d2, so CLINICIAN led; SERVICE_USER had no attendee.
        assertThat(fieldwork.decisions().made()).isEqualTo(1);
        assertThat(fieldwork.decisions().byMethod()).containsEntry(DecisionMethod.LEAD_DECIDED, 1);
        assertThat(fieldwork.decisions().withServiceUserInfluence()).isZero();
        assertThat(fieldwork.decisions().share()).isZero();
        assertThat(fieldwork.involvement())
                .containsEntry(CLINICIAN, Involvement.LED)
                .containsEntry(PEER_WORKER, Involvement.COLLABORATED)
                .containsEntry(ACADEMIC, Involvement.CONSULTED)
                .containsEntry(CARER, Involvement.CONSULTED)
                .containsEntry(SERVICE_USER, Involvement.NONE);
    }

    @Test
    void givenFieldwork_thenTheShiftIsFromDesign() {
        Window fieldwork = window(byPhase(END), FIELDWORK);

        // Gini 20/48 - 26/72; SERVICE_USER share 0 - 1/3, influence share 0 - 1/2 (ben's influence
        // now counts under PEER_WORKER: +1/2 share, +1/2 influence share).
        assertThat(fieldwork.shift().gini()).isCloseTo(20.0 / 48 - 26.0 / 72, EXACT);
        assertThat(fieldwork.shift().perspectiveEntropy()).isCloseTo(0.72957 - 0.76525, within(0.00002));
        assertThat(fieldwork.shift().perspectives().get(SERVICE_USER).share()).isCloseTo(-1.0 / 3, EXACT);
        assertThat(fieldwork.shift().perspectives().get(SERVICE_USER).influenceShare())
                .isEqualTo(-0.5);
        assertThat(fieldwork.shift().perspectives().get(PEER_WORKER).share()).isEqualTo(0.5);
        assertThat(fieldwork.shift().perspectives().get(PEER_WORKER).influenceShare())
                .isEqualTo(0.5);
    }

    @Test
    void givenKnownAtBeforeTheLateContributionWasRecorded_thenItDoesNotCount() {
        Window fieldwork = window(byPhase(BEFORE_LATE_RECORD), FIELDWORK);

        // ben 3, ann 1, dee 1, cal 0 = 5. Gini [3, 1, 1, 0]: 2 * (2+2+3+0+1+1) = 18 over 40 = 0.45.
        assertThat(fieldwork.totalContributions()).isEqualTo(5);
        assertThat(member(fieldwork, ANN).contributions()).isEqualTo(1);
        assertThat(fieldwork.gini()).isCloseTo(0.45, EXACT);
        assertThat(member(fieldwork, BEN).share()).isEqualTo(0.6);
    }

    // ---- analysis: equal voices, and a member who left

    @Test
    void givenTheAnalysisPhase_thenEqualVoicesMakeNoInequality() {
        Window analysis = window(byPhase(END), ANALYSIS);

        // One each from ann, ben, dee; cal left before m4 and is not in the population.
        assertThat(analysis.members()).extracting(MemberFigures::memberId).containsExactly(ANN, BEN, DEE);
        assertThat(analysis.gini()).isZero();
        // ACADEMIC, PEER_WORKER, CARER one each: 1.
        assertThat(analysis.perspectiveEntropy()).isCloseTo(1.0, EXACT);
        // dee proposed d3, the one influence.
        assertThat(member(analysis, DEE).influenceShare()).isEqualTo(1.0);
        assertThat(analysis.involvement())
                .containsEntry(CARER, Involvement.COLLABORATED)
                .containsEntry(CLINICIAN, Involvement.NONE);
        assertThat(analysis.decisions().byMethod()).containsEntry(DecisionMethod.VOTE, 1);
    }

    // ---- other windows

    @Test
    void givenByMonth_thenEveryMonthFromTheFirstFactToTheLastIsAWindow() {
        Participation answer = participation.participation(PROJECT, WindowKind.MONTH, new PointInTime(END, END));

        // m1 and the proposal in January ... d3 made in May; April has only d2 made.
        assertThat(answer.windows())
                .extracting(Window::key)
                .containsExactly("2023-01", "2023-02", "2023-03", "2023-04", "2023-05");
        Window april = answer.windows().get(3);
        assertThat(april.name()).isEqualTo("April 2023");
        assertThat(april.start()).isEqualTo(Instant.parse("2023-04-01T00:00:00Z"));
        assertThat(april.end()).isEqualTo(Instant.parse("2023-05-01T00:00:00Z"));
        assertThat(april.meetings()).isZero();
        assertThat(april.decisions().made()).isEqualTo(1);
        // January: m1 only, 6 contributions.
        assertThat(answer.windows().get(0).totalContributions()).isEqualTo(6);
    }

    @Test
    void givenByQuarter_thenMarchFallsInTheFirstQuarter() {
        Participation answer = participation.participation(PROJECT, WindowKind.QUARTER, new PointInTime(END, END));

        assertThat(answer.windows()).extracting(Window::key).containsExactly("2023-Q1", "2023-Q2");
        // m1, m2, m3: 9 + 6.
        assertThat(answer.windows().get(0).totalContributions()).isEqualTo(15);
    }

    @Test
    void givenTheWholeProject_thenOneWindowAddsEverythingUp() {
        Participation answer = participation.participation(PROJECT, WindowKind.PROJECT, new PointInTime(END, END));

        assertThat(answer.windows()).hasSize(1);
        Window whole = answer.windows().get(0);
        assertThat(whole.key()).isEqualTo("project");
        assertThat(whole.totalContributions()).isEqualTo(18);
        assertThat(whole.meetings()).isEqualTo(4);
        assertThat(whole.decisions().made()).isEqualTo(3);
        // Attendances: ann 4, ben 4, cal 3, dee 3 = 14; ben's contributions counted as SERVICE_USER
        // in design (3), PEER_WORKER after (4).
        assertThat(perspective(whole, SERVICE_USER).contributions()).isEqualTo(3);
        assertThat(perspective(whole, PEER_WORKER).contributions()).isEqualTo(4);
        assertThat(member(whole, CAL).attendanceShare()).isCloseTo(3.0 / 14, EXACT);
    }

    // ---- trajectory

    @Test
    void givenBen_thenHisTrajectoryShowsHisRoleAndVoicePerPhase() {
        MemberTrajectory ben = participation.trajectory(PROJECT, BEN, new PointInTime(END, END));

        assertThat(ben.name()).isEqualTo("Ben Bell");
        assertThat(ben.phases())
                .extracting(PhaseFigures::key, PhaseFigures::role, PhaseFigures::contributions)
                .containsExactly(
                        tuple(DESIGN, "SERVICE_USER_RESEARCHER", 3),
                        tuple(FIELDWORK, "PEER_WORKER", 3),
                        tuple(ANALYSIS, "PEER_WORKER", 1));
        assertThat(ben.phases().get(1).perspectives()).containsExactly(PEER_WORKER, SERVICE_USER);
        // (3/9) / (2/7), then 2, then (1/3) / (1/3).
        assertThat(ben.phases().get(0).voiceRatio()).isCloseTo(7.0 / 6, EXACT);
        assertThat(ben.phases().get(1).voiceRatio()).isCloseTo(2.0, EXACT);
        assertThat(ben.phases().get(2).voiceRatio()).isCloseTo(1.0, EXACT);
    }

    @Test
    void givenCalWhoLeftEarlyInAnalysis_thenTheTrajectoryShowsTheRoleHeLeftWithAndNoVoiceRatio() {
        PhaseFigures analysis = participation
                .trajectory(PROJECT, CAL, new PointInTime(END, END))
                .phases()
                .get(2);

        // On the team on 05-01, gone on 05-02, attended nothing: voice ratio undefined.
        assertThat(analysis.onTeam()).isTrue();
        assertThat(analysis.role()).isEqualTo("CO_INVESTIGATOR");
        assertThat(analysis.perspectives()).containsExactly(CLINICIAN);
        assertThat(analysis.contributions()).isZero();
        assertThat(analysis.voiceRatio()).isNull();
    }

    @Test
    void cannotAskTheTrajectoryOfAMemberTheProjectNeverHad() {
        assertThatThrownBy(() -> participation.trajectory(PROJECT, "zed", new PointInTime(END, END)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("memberId"));
    }

    // ---- over HTTP

    @Test
    void answersOverHttpWithTheFieldsOfTheContract() throws IOException {
        ResponseEntity<String> response = http.getForEntity(
                "/api/projects/{p}/participation?by=phase&asOf=2023-12-31&knownAt=2023-12-31", String.class, PROJECT);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.get("projectId").asText()).isEqualTo(PROJECT);
        assertThat(body.get("asOf").asText()).isEqualTo("2023-12-31T00:00:00Z");
        JsonNode design = body.get("windows").get(0);
        assertThat(design.get("key").asText()).isEqualTo(DESIGN);
        assertThat(design.get("gini").asDouble()).isCloseTo(26.0 / 72, EXACT);
        assertThat(design.get("shift").isNull()).isTrue();
        JsonNode ann = design.get("members").get(0);
        assertThat(ann.get("voiceRatio").asDouble()).isCloseTo(28.0 / 18, EXACT);
        assertThat(ann.get("areas").get("ATTEMPTED_ANSWERS").asDouble()).isEqualTo(0.75);
        // IPA shares by category only with detail=full, which is the same answer with them.
        assertThat(ann.has("ipa")).isFalse();
        assertThat(design.get("perspectives").get(0).has("ipa")).isFalse();
        JsonNode full = new ObjectMapper()
                .readTree(http.getForObject(
                        "/api/projects/{p}/participation?by=phase&asOf=2023-12-31&knownAt=2023-12-31&detail=full",
                        String.class,
                        PROJECT));
        assertThat(full.get("windows")
                        .get(0)
                        .get("members")
                        .get(0)
                        .get("ipa")
                        .get("GIVES_OPINION")
                        .asDouble())
                .isEqualTo(0.25);
        full.get("windows").forEach(w -> {
            w.get("members").forEach(m -> ((ObjectNode) m).remove("ipa"));
            w.get("perspectives").forEach(p -> ((ObjectNode) p).remove("ipa"));
        });
        assertThat(full).isEqualTo(body);
        assertThat(design.get("decisions").get("byMethod").get("CONSENSUS").asInt())
                .isEqualTo(1);
        assertThat(design.get("involvement").get(SERVICE_USER).asText()).isEqualTo("COLLABORATED");
        JsonNode fieldwork = body.get("windows").get(1);
        assertThat(fieldwork
                        .get("shift")
                        .get("perspectives")
                        .get(SERVICE_USER)
                        .get("share")
                        .asDouble())
                .isCloseTo(-1.0 / 3, EXACT);
        // Undefined is spelled out as null, as the contract writes it.
        assertThat(fieldwork.get("perspectives").get(4).get("perspective").asText())
                .isEqualTo(SERVICE_USER);
        assertThat(fieldwork.get("perspectives").get(4).get("voiceRatio").isNull())
                .isTrue();

        ResponseEntity<String> trajectory = http.getForEntity(
                "/api/projects/{p}/members/{m}/trajectory?asOf=2023-12-31", String.class, PROJECT, BEN);
        assertThat(trajectory.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new ObjectMapper()
                        .readTree(trajectory.getBody())
                        .get("phases")
                        .get(1)
                        .get("role")
                        .asText())
                .isEqualTo("PEER_WORKER");
    }
}
