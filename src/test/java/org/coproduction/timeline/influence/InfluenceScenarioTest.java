package org.coproduction.timeline.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.coproduction.timeline.api.InfluenceKind.AMENDED;
import static org.coproduction.timeline.api.InfluenceKind.EVIDENCED;
import static org.coproduction.timeline.api.InfluenceKind.OPPOSED;
import static org.coproduction.timeline.api.InfluenceKind.PROPOSED;
import static org.coproduction.timeline.api.InfluenceKind.SUPPORTED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Discussant;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Evidence;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionList;
import org.coproduction.timeline.influence.api.DecisionOverview;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.api.InfluenceSummary.MemberInfluence;
import org.coproduction.timeline.influence.api.InfluenceSummary.PerspectiveInfluence;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportRejectedException;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One hand-built project, imported with chosen recorded times, asked at several (asOf, knownAt)
 * pairs. Every expected answer is worked out by hand beside it, and each is asked of both the
 * read model (SQL over the influence tables) and the fold of the event store, so both are pinned.
 *
 * <p>The study, in valid time (recorded promptly unless said):
 *
 * <pre>
 * 01-03       ann RESEARCHER [ACADEMIC], ben SERVICE_USER_RESEARCHER [SERVICE_USER],
 *             cal CO_INVESTIGATOR [CLINICIAN], dee CHIEF_INVESTIGATOR [ACADEMIC, MANAGER],
 *             eve ADVISORY_MEMBER [CARER] join
 * 01-20 10:00 kick-off meeting
 * 01-20 10:30 ann proposes d-pay, and records an explicit PROPOSED influence at the same instant
 * 01-20 10:40 ben (c-ben-1), 10:45 cal (c-cal-1), 10:50 ann (c-ann-1) speak to d-pay
 * 01-20 11:00 ben SUPPORTED d-pay, citing c-ben-1
 * 01-25       c-ann-1 retracted (minuted against the wrong item)
 * 02-01       phase design starts
 * 02-10 10:10 ben speaks to d-pay (c-ben-2); 10:20 dee speaks, naming no decision
 * 02-10 10:30 cal OPPOSED d-pay; 11:00 dee SUPPORTED d-pay (retracted, recorded 03-15 09:00)
 * 02-14 14:00 eve writes r-eve-1; 15:00 eve EVIDENCED d-pay citing it (recorded 04-04 09:00)
 * 02-15 10:00 d-pay made "Pay at the living wage", CONSENSUS, decided by dee and ann
 * 02-20 17:00 cal leaves
 * 03-01       ben becomes PEER_WORKER [PEER_WORKER, SERVICE_USER]; phase fieldwork starts
 * 03-02 10:00 ben proposes d-venue; 03-03 10:00 ann SUPPORTED d-venue
 * 03-05 10:00 ben AMENDED d-pay
 * 03-10 10:00 d-pay revised to "Pay at the living wage plus travel"
 * </pre>
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfluenceScenarioTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String PROJECT = "influence-scenario";
    private static final String PAY = "d-pay";
    private static final String VENUE = "d-venue";
    private static final String PAY_TITLE = "Pay peer researchers for their time";
    private static final String VENUE_TITLE = "Hold meetings in the community centre";
    private static final String LIVING_WAGE = "Pay at the living wage";
    private static final String PLUS_TRAVEL = "Pay at the living wage plus travel";

    private static final String ANN = "ann";
    private static final String BEN = "ben";
    private static final String CAL = "cal";
    private static final String DEE = "dee";
    private static final String EVE = "eve";
    private static final String ANN_NAME = "Ann Archer";
    private static final String BEN_NAME = "Ben Bell";
    private static final String CAL_NAME = "Cal Cole";
    private static final String DEE_NAME = "Dee Dunn";
    private static final String EVE_NAME = "Eve Eze";

    private static final String DESIGN = "design";
    private static final String FIELDWORK = "fieldwork";

    private static final String BEN_SUPPORTS = "i-ben-supported";
    private static final String CAL_OPPOSES = "i-cal-opposed";
    private static final String DEE_SUPPORTS = "i-dee-supported";
    private static final String EVE_EVIDENCES = "i-eve-evidenced";
    private static final String BEN_AMENDS = "i-ben-amended";
    private static final String ANN_PROPOSES = "i-ann-proposed";
    private static final String ANN_SUPPORTS_VENUE = "i-ann-venue";
    private static final String BUDGET_RISK = "Budget risk";
    private static final String CARERS_SURVEY = "Carers' survey results";

    // Times of the study (valid time unless named RECORDED).
    private static final Instant KICK_OFF = Instant.parse("2022-01-20T10:00:00Z");
    private static final Instant PAY_PROPOSED = Instant.parse("2022-01-20T10:30:00Z");
    private static final Instant BEN_SUPPORTED = Instant.parse("2022-01-20T11:00:00Z");
    private static final Instant KICK_OFF_RECORDED = Instant.parse("2022-01-20T12:00:00Z");
    private static final Instant CAL_OPPOSED = Instant.parse("2022-02-10T10:30:00Z");
    private static final Instant DEE_SUPPORTED = Instant.parse("2022-02-10T11:00:00Z");
    private static final Instant DESIGN_MEETING_RECORDED = Instant.parse("2022-02-10T12:00:00Z");
    private static final Instant EVE_EVIDENCED = Instant.parse("2022-02-14T15:00:00Z");
    private static final Instant EVE_RECORDED = Instant.parse("2022-04-04T09:00:00Z");
    private static final Instant PAY_MADE = Instant.parse("2022-02-15T10:00:00Z");
    private static final Instant VENUE_PROPOSED = Instant.parse("2022-03-02T10:00:00Z");
    private static final Instant VENUE_RECORDED = Instant.parse("2022-03-02T12:00:00Z");
    private static final Instant ANN_SUPPORTED_VENUE = Instant.parse("2022-03-03T10:00:00Z");
    private static final Instant BEN_AMENDED = Instant.parse("2022-03-05T10:00:00Z");
    private static final Instant BEN_AMENDED_RECORDED = Instant.parse("2022-03-05T12:00:00Z");
    private static final Instant REVISION_RECORDED = Instant.parse("2022-03-10T12:00:00Z");
    private static final Instant RETRACTION_RECORDED = Instant.parse("2022-03-15T09:00:00Z");

    // The times asked at.
    private static final Instant END = Instant.parse("2022-04-30T00:00:00Z");
    private static final Instant DAY_AFTER_KICK_OFF = Instant.parse("2022-01-21T00:00:00Z");
    private static final Instant AFTER_DESIGN_MEETING = Instant.parse("2022-02-11T00:00:00Z");
    private static final Instant DAY_OF_EVE_EVIDENCE = Instant.parse("2022-02-14T00:00:00Z");
    private static final Instant DAY_AFTER_EVE_EVIDENCE = Instant.parse("2022-02-15T00:00:00Z");
    private static final Instant END_OF_FEBRUARY = Instant.parse("2022-02-28T00:00:00Z");
    private static final Instant FIRST_OF_MARCH = Instant.parse("2022-03-01T00:00:00Z");
    private static final Instant SIXTH_OF_MARCH = Instant.parse("2022-03-06T00:00:00Z");
    private static final Instant AFTER_REVISION = Instant.parse("2022-03-11T00:00:00Z");

    // Line numbers of the file, for the event ids the evidence names.
    private static final int PAY_PROPOSAL_LINE = 8;
    private static final int ANN_PROPOSES_LINE = 9;
    private static final int BEN_SUPPORTS_LINE = 13;
    private static final int CAL_OPPOSES_LINE = 19;
    private static final int DEE_SUPPORTS_LINE = 20;
    private static final int VENUE_PROPOSAL_LINE = 26;
    private static final int ANN_SUPPORTS_VENUE_LINE = 27;
    private static final int BEN_AMENDS_LINE = 28;
    private static final int EVE_EVIDENCES_LINE = 31;

    private static final InterchangeFile STUDY = study();

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    InfluenceReadModel readModel;

    @Autowired
    ProjectHistoryReader historyReader;

    /** The study in recorded order, except the two corrections recorded weeks later at the end. */
    private static InterchangeFile study() {
        return new InterchangeFile(PROJECT)
                .add("ProjectRegistered", "2022-01-03T09:00:00Z", "2022-01-03T09:05:00Z", "title", "Peer pay study")
                .memberJoined("2022-01-03T10:00:00Z", "2022-01-03T10:30:00Z", ANN, ANN_NAME, "RESEARCHER", "ACADEMIC")
                .memberJoined(
                        "2022-01-03T10:00:00Z",
                        "2022-01-03T10:30:00Z",
                        BEN,
                        BEN_NAME,
                        "SERVICE_USER_RESEARCHER",
                        "SERVICE_USER")
                .memberJoined(
                        "2022-01-03T10:00:00Z", "2022-01-03T10:30:00Z", CAL, CAL_NAME, "CO_INVESTIGATOR", "CLINICIAN")
                .memberJoined(
                        "2022-01-03T10:00:00Z",
                        "2022-01-03T10:30:00Z",
                        DEE,
                        DEE_NAME,
                        "CHIEF_INVESTIGATOR",
                        "ACADEMIC",
                        "MANAGER")
                .memberJoined("2022-01-03T10:00:00Z", "2022-01-03T10:30:00Z", EVE, EVE_NAME, "ADVISORY_MEMBER", "CARER")
                .add(
                        "MeetingHeld",
                        KICK_OFF.toString(),
                        KICK_OFF_RECORDED.toString(),
                        "meetingId",
                        "m-kick-off",
                        "title",
                        "Kick-off",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of(ANN, BEN, CAL, DEE, EVE))
                // line 8
                .add(
                        "DecisionProposed",
                        PAY_PROPOSED.toString(),
                        KICK_OFF_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "title",
                        PAY_TITLE,
                        "proposedBy",
                        ANN)
                .add(
                        "InfluenceRecorded",
                        PAY_PROPOSED.toString(),
                        KICK_OFF_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        ANN_PROPOSES,
                        "memberId",
                        ANN,
                        "kind",
                        "PROPOSED")
                .add(
                        "ContributionRecorded",
                        "2022-01-20T10:40:00Z",
                        KICK_OFF_RECORDED.toString(),
                        contribution("c-ben-1", "m-kick-off", BEN, "GIVES_SUGGESTION", PAY))
                .add(
                        "ContributionRecorded",
                        "2022-01-20T10:45:00Z",
                        KICK_OFF_RECORDED.toString(),
                        contribution("c-cal-1", "m-kick-off", CAL, "DISAGREES", PAY))
                .add(
                        "ContributionRecorded",
                        "2022-01-20T10:50:00Z",
                        KICK_OFF_RECORDED.toString(),
                        contribution("c-ann-1", "m-kick-off", ANN, "GIVES_OPINION", PAY))
                // line 13
                .add(
                        "InfluenceRecorded",
                        BEN_SUPPORTED.toString(),
                        KICK_OFF_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        BEN_SUPPORTS,
                        "memberId",
                        BEN,
                        "kind",
                        "SUPPORTED",
                        "contributionId",
                        "c-ben-1")
                .add(
                        "ContributionRetracted",
                        "2022-01-25T09:00:00Z",
                        "2022-01-25T09:00:00Z",
                        "contributionId",
                        "c-ann-1",
                        "reason",
                        "minuted against the wrong item")
                .add("PhaseStarted", "2022-02-01", "2022-02-01T09:00:00Z", "phaseId", DESIGN, "name", "Design")
                .add(
                        "MeetingHeld",
                        "2022-02-10T10:00:00Z",
                        DESIGN_MEETING_RECORDED.toString(),
                        "meetingId",
                        "m-design",
                        "title",
                        "Design meeting",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of(ANN, BEN, CAL, DEE))
                .add(
                        "ContributionRecorded",
                        "2022-02-10T10:10:00Z",
                        DESIGN_MEETING_RECORDED.toString(),
                        contribution("c-ben-2", "m-design", BEN, "AGREES", PAY))
                .add(
                        "ContributionRecorded",
                        "2022-02-10T10:20:00Z",
                        DESIGN_MEETING_RECORDED.toString(),
                        contribution("c-dee-1", "m-design", DEE, "GIVES_ORIENTATION", null))
                // line 19
                .add(
                        "InfluenceRecorded",
                        CAL_OPPOSED.toString(),
                        DESIGN_MEETING_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        CAL_OPPOSES,
                        "memberId",
                        CAL,
                        "kind",
                        "OPPOSED",
                        "note",
                        BUDGET_RISK)
                .add(
                        "InfluenceRecorded",
                        DEE_SUPPORTED.toString(),
                        DESIGN_MEETING_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        DEE_SUPPORTS,
                        "memberId",
                        DEE,
                        "kind",
                        "SUPPORTED")
                .add(
                        "ReflectionWritten",
                        "2022-02-14T14:00:00Z",
                        "2022-02-14T18:00:00Z",
                        "reflectionId",
                        "r-eve-1",
                        "authorId",
                        EVE,
                        "text",
                        "The carers' survey says evening sessions cost them most.",
                        "visibility",
                        "TEAM",
                        "decisionId",
                        PAY)
                .add(
                        "DecisionMade",
                        PAY_MADE.toString(),
                        "2022-02-15T12:00:00Z",
                        "decisionId",
                        PAY,
                        "outcome",
                        LIVING_WAGE,
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of(DEE, ANN))
                .add("MemberLeft", "2022-02-20T17:00:00Z", "2022-02-21T09:00:00Z", "memberId", CAL)
                .add(
                        "MemberRoleChanged",
                        "2022-03-01",
                        "2022-03-01T09:00:00Z",
                        "memberId",
                        BEN,
                        "role",
                        "PEER_WORKER",
                        "perspectives",
                        List.of("PEER_WORKER", "SERVICE_USER"))
                .add("PhaseStarted", "2022-03-01", "2022-03-01T09:00:00Z", "phaseId", FIELDWORK, "name", "Fieldwork")
                // line 26
                .add(
                        "DecisionProposed",
                        VENUE_PROPOSED.toString(),
                        VENUE_RECORDED.toString(),
                        "decisionId",
                        VENUE,
                        "title",
                        VENUE_TITLE,
                        "proposedBy",
                        BEN)
                .add(
                        "InfluenceRecorded",
                        ANN_SUPPORTED_VENUE.toString(),
                        "2022-03-03T12:00:00Z",
                        "decisionId",
                        VENUE,
                        "influenceId",
                        ANN_SUPPORTS_VENUE,
                        "memberId",
                        ANN,
                        "kind",
                        "SUPPORTED")
                // line 28
                .add(
                        "InfluenceRecorded",
                        BEN_AMENDED.toString(),
                        BEN_AMENDED_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        BEN_AMENDS,
                        "memberId",
                        BEN,
                        "kind",
                        "AMENDED",
                        "note",
                        "Add travel costs")
                .add(
                        "DecisionRevised",
                        "2022-03-10T10:00:00Z",
                        REVISION_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "outcome",
                        PLUS_TRAVEL,
                        "reason",
                        "Travel costs kept people away")
                .add(
                        "InfluenceRetracted",
                        RETRACTION_RECORDED.toString(),
                        RETRACTION_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        DEE_SUPPORTS,
                        "reason",
                        "recorded on the wrong decision")
                // line 31: seven weeks late
                .add(
                        "InfluenceRecorded",
                        EVE_EVIDENCED.toString(),
                        EVE_RECORDED.toString(),
                        "decisionId",
                        PAY,
                        "influenceId",
                        EVE_EVIDENCES,
                        "memberId",
                        EVE,
                        "kind",
                        "EVIDENCED",
                        "reflectionId",
                        "r-eve-1",
                        "note",
                        CARERS_SURVEY);
    }

    /** The data fields of a contribution, naming a decision unless it is null. */
    private static Object[] contribution(String id, String meeting, String member, String category, String decision) {
        return decision == null
                ? new Object[] {"meetingId", meeting, "contributionId", id, "memberId", member, "category", category}
                : new Object[] {
                    "meetingId",
                    meeting,
                    "contributionId",
                    id,
                    "memberId",
                    member,
                    "category",
                    category,
                    "decisionId",
                    decision
                };
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
        // The last line is the late influence; the processor keeps a project's events in order.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(
                        influencerIds(readModel.influencers(PROJECT, PAY, new PointInTime(END, END))))
                .contains(EVE));
    }

    // ---- influence recorded weeks late

    @Test
    void givenAnInfluenceRecordedWeeksLate_whenKnownAtIsBeforeItsRecordedAt_thenItDoesNotCount() {
        // asOf 02-15 is after eve's 02-14 15:00 influence, but knownAt is a second before it was recorded.
        // Counted: ann (proposal), ben (SUPPORTED 01-20), cal (OPPOSED 02-10); dee's was retracted by then.
        DecisionInfluencers answer = influencers(PAY, DAY_AFTER_EVE_EVIDENCE, EVE_RECORDED.minusSeconds(1));

        assertThat(influencerIds(answer)).containsExactly(ANN, BEN, CAL);
    }

    @Test
    void givenAnInfluenceRecordedWeeksLate_whenKnownAtReachesItsRecordedAt_thenItCountsAsOfItsOccurredAt() {
        // knownAt = its recordedAt exactly: recordedAt <= knownAt, so eve counts, last by valid time.
        DecisionInfluencers answer = influencers(PAY, DAY_AFTER_EVE_EVIDENCE, EVE_RECORDED);

        assertThat(influencerIds(answer)).containsExactly(ANN, BEN, CAL, EVE);
        assertThat(answer.influencers().get(3))
                .isEqualTo(new Influencer(
                        EVE,
                        EVE_NAME,
                        "ADVISORY_MEMBER",
                        List.of("CARER"),
                        List.of(EVIDENCED),
                        List.of(new Evidence(
                                EVE_EVIDENCES,
                                EVIDENCED,
                                EVE_EVIDENCED,
                                EVE_RECORDED,
                                null,
                                "r-eve-1",
                                CARERS_SURVEY,
                                STUDY.eventId(EVE_EVIDENCES_LINE)))));
    }

    @Test
    void givenAnInfluenceRecordedWeeksLate_whenAsOfIsBeforeItsOccurredAt_thenItDoesNotCountHoweverLateTheRecord() {
        // asOf 02-14 00:00 is before 02-14 15:00.
        assertThat(influencerIds(influencers(PAY, DAY_OF_EVE_EVIDENCE, END))).containsExactly(ANN, BEN, CAL);
    }

    // ---- retracted influence

    @Test
    void givenARetractedInfluence_whenKnownAtIsBeforeTheRetraction_thenItStillCounts() {
        // The record as it stood a second before 03-15 09:00: dee's SUPPORTED of 02-10 11:00 counts.
        DecisionInfluencers answer = influencers(PAY, AFTER_DESIGN_MEETING, RETRACTION_RECORDED.minusSeconds(1));

        assertThat(influencerIds(answer)).containsExactly(ANN, BEN, CAL, DEE);
        assertThat(answer.influencers().get(3))
                .isEqualTo(new Influencer(
                        DEE,
                        DEE_NAME,
                        "CHIEF_INVESTIGATOR",
                        List.of("ACADEMIC", "MANAGER"),
                        List.of(SUPPORTED),
                        List.of(new Evidence(
                                DEE_SUPPORTS,
                                SUPPORTED,
                                DEE_SUPPORTED,
                                DESIGN_MEETING_RECORDED,
                                null,
                                null,
                                null,
                                STUDY.eventId(DEE_SUPPORTS_LINE)))));
    }

    @Test
    void givenARetractedInfluence_whenKnownAtIsAfterTheRetraction_thenItIsGoneAtEveryValidTime() {
        // asOf 02-11 is a month before the retraction occurred: a correction applies at every valid time.
        assertThat(influencerIds(influencers(PAY, AFTER_DESIGN_MEETING, RETRACTION_RECORDED)))
                .containsExactly(ANN, BEN, CAL);
    }

    @Test
    void givenARetractedInfluence_whenTheDecisionsAreListed_thenItsCountsFollowTheRecordAtKnownAt() {
        // Before the retraction (knownAt 03-14), as of the end: ann PROPOSED (explicit, replacing the
        // implied one), ben SUPPORTED, cal OPPOSED, dee SUPPORTED, ben AMENDED = 5 influences by 4 members;
        // the revision (recorded 03-10 12:00) is known, eve's influence (recorded 04-04) is not.
        DecisionOverview before = decisions(END, Instant.parse("2022-03-14T00:00:00Z"))
                .decisions()
                .get(0);
        assertThat(before)
                .isEqualTo(new DecisionOverview(
                        PAY,
                        PAY_TITLE,
                        DecisionStatus.REVISED,
                        ANN,
                        PAY_PROPOSED,
                        PAY_MADE,
                        PLUS_TRAVEL,
                        DecisionMethod.CONSENSUS,
                        4,
                        5));
        // At the end dee's is gone and eve's is known: ann, ben (x2), cal, eve = 5 influences by 4 members.
        DecisionOverview after = decisions(END, END).decisions().get(0);
        assertThat(after.influencers()).isEqualTo(4);
        assertThat(after.influences()).isEqualTo(5);
    }

    // ---- a member whose perspectives changed between two influences

    @Test
    void givenPerspectivesChangedBetweenTwoInfluences_whenAskedBetweenThem_thenTheEarlierPerspectivesAreShown() {
        // As of 02-28 ben's only counted influence is SUPPORTED (01-20), when he was SERVICE_USER_RESEARCHER.
        Influencer ben = influencer(influencers(PAY, END_OF_FEBRUARY, END), BEN);

        assertThat(ben)
                .isEqualTo(new Influencer(
                        BEN,
                        BEN_NAME,
                        "SERVICE_USER_RESEARCHER",
                        List.of("SERVICE_USER"),
                        List.of(SUPPORTED),
                        List.of(new Evidence(
                                BEN_SUPPORTS,
                                SUPPORTED,
                                BEN_SUPPORTED,
                                KICK_OFF_RECORDED,
                                "c-ben-1",
                                null,
                                null,
                                STUDY.eventId(BEN_SUPPORTS_LINE)))));
    }

    @Test
    void givenPerspectivesChangedBetweenTwoInfluences_whenAskedAfterBoth_thenThoseOfTheLatestInfluenceAreShown() {
        // His latest counted influence is AMENDED on 03-05, after he became PEER_WORKER on 03-01.
        Influencer ben = influencer(influencers(PAY, END, END), BEN);

        assertThat(ben.role()).isEqualTo("PEER_WORKER");
        assertThat(ben.perspectives()).containsExactly("PEER_WORKER", "SERVICE_USER");
        assertThat(ben.kinds()).containsExactly(SUPPORTED, AMENDED);
        assertThat(ben.evidence())
                .extracting(Evidence::influenceId, Evidence::eventId)
                .containsExactly(
                        tuple(BEN_SUPPORTS, STUDY.eventId(BEN_SUPPORTS_LINE)),
                        tuple(BEN_AMENDS, STUDY.eventId(BEN_AMENDS_LINE)));
    }

    // ---- a decision revised after being made

    @Test
    void givenADecisionRevisedLater_whenAskedBeforeTheRevision_thenItIsMadeWithTheFirstOutcome() {
        // asOf 03-06: made on 02-15, revised only on 03-10.
        DecisionInfluencers answer = influencers(PAY, SIXTH_OF_MARCH, END);

        assertThat(answer.status()).isEqualTo(DecisionStatus.MADE);
        assertThat(answer.outcome()).isEqualTo(LIVING_WAGE);
        assertThat(answer.method()).isEqualTo(DecisionMethod.CONSENSUS);
        assertThat(answer.madeAt()).isEqualTo(PAY_MADE);
    }

    @Test
    void givenADecisionRevisedLater_whenAskedAfterTheRevision_thenItIsRevisedWithTheNewOutcome() {
        DecisionInfluencers answer = influencers(PAY, AFTER_REVISION, END);

        assertThat(answer.status()).isEqualTo(DecisionStatus.REVISED);
        assertThat(answer.outcome()).isEqualTo(PLUS_TRAVEL);
        assertThat(answer.madeAt()).isEqualTo(PAY_MADE);
    }

    @Test
    void givenADecisionRevisedLater_whenTheRevisionIsNotYetRecorded_thenItIsStillMade() {
        // The revision occurred 03-10 10:00 but was recorded at 12:00.
        DecisionInfluencers answer = influencers(PAY, END, REVISION_RECORDED.minusSeconds(1));

        assertThat(answer.status()).isEqualTo(DecisionStatus.MADE);
        assertThat(answer.outcome()).isEqualTo(LIVING_WAGE);
    }

    @Test
    void givenADecisionNotYetMade_whenAsked_thenItIsProposedWithoutOutcomeOrDeciders() {
        DecisionInfluencers answer = influencers(PAY, PAY_MADE.minusSeconds(1), END);

        assertThat(answer.status()).isEqualTo(DecisionStatus.PROPOSED);
        assertThat(answer.outcome()).isNull();
        assertThat(answer.method()).isNull();
        assertThat(answer.madeAt()).isNull();
        assertThat(answer.decidedBy()).isEmpty();
    }

    // ---- a member who left

    @Test
    void givenAMemberWhoLeft_whenAskedAfterTheyLeft_thenTheirEarlierInfluenceCountsWithTheRoleTheyHad() {
        // cal left on 02-20; the OPPOSED of 02-10 still counts, as CO_INVESTIGATOR [CLINICIAN].
        Influencer cal = influencer(influencers(PAY, END, END), CAL);

        assertThat(cal)
                .isEqualTo(new Influencer(
                        CAL,
                        CAL_NAME,
                        "CO_INVESTIGATOR",
                        List.of("CLINICIAN"),
                        List.of(OPPOSED),
                        List.of(new Evidence(
                                CAL_OPPOSES,
                                OPPOSED,
                                CAL_OPPOSED,
                                DESIGN_MEETING_RECORDED,
                                null,
                                null,
                                BUDGET_RISK,
                                STUDY.eventId(CAL_OPPOSES_LINE)))));
    }

    // ---- the proposer

    @Test
    void givenTheProposersExplicitProposedInfluence_whenAsked_thenTheyAreOneInfluencerWithBothAsEvidence() {
        // ann's proposal (influenceId null) and her PROPOSED influence at the same instant, in recorded order.
        Influencer ann = influencer(influencers(PAY, END, END), ANN);

        assertThat(ann)
                .isEqualTo(new Influencer(
                        ANN,
                        ANN_NAME,
                        "RESEARCHER",
                        List.of("ACADEMIC"),
                        List.of(PROPOSED),
                        List.of(
                                new Evidence(
                                        null,
                                        PROPOSED,
                                        PAY_PROPOSED,
                                        KICK_OFF_RECORDED,
                                        null,
                                        null,
                                        null,
                                        STUDY.eventId(PAY_PROPOSAL_LINE)),
                                new Evidence(
                                        ANN_PROPOSES,
                                        PROPOSED,
                                        PAY_PROPOSED,
                                        KICK_OFF_RECORDED,
                                        null,
                                        null,
                                        null,
                                        STUDY.eventId(ANN_PROPOSES_LINE)))));
    }

    @Test
    void givenAProposalWithoutExplicitInfluence_whenAsked_thenTheProposerIsAProposedInfluencer() {
        // d-venue: ben proposed it on 03-02 as PEER_WORKER; ann SUPPORTED it on 03-03.
        DecisionInfluencers answer = influencers(VENUE, END, END);

        assertThat(answer.status()).isEqualTo(DecisionStatus.PROPOSED);
        assertThat(answer.title()).isEqualTo(VENUE_TITLE);
        assertThat(answer.proposedBy()).isEqualTo(BEN);
        assertThat(answer.influencers())
                .containsExactly(
                        new Influencer(
                                BEN,
                                BEN_NAME,
                                "PEER_WORKER",
                                List.of("PEER_WORKER", "SERVICE_USER"),
                                List.of(PROPOSED),
                                List.of(new Evidence(
                                        null,
                                        PROPOSED,
                                        VENUE_PROPOSED,
                                        VENUE_RECORDED,
                                        null,
                                        null,
                                        null,
                                        STUDY.eventId(VENUE_PROPOSAL_LINE)))),
                        new Influencer(
                                ANN,
                                ANN_NAME,
                                "RESEARCHER",
                                List.of("ACADEMIC"),
                                List.of(SUPPORTED),
                                List.of(new Evidence(
                                        ANN_SUPPORTS_VENUE,
                                        SUPPORTED,
                                        ANN_SUPPORTED_VENUE,
                                        Instant.parse("2022-03-03T12:00:00Z"),
                                        null,
                                        null,
                                        null,
                                        STUDY.eventId(ANN_SUPPORTS_VENUE_LINE)))));
    }

    @Test
    void givenAnExplicitProposedInfluenceByTheProposer_whenTheDecisionsAreListed_thenItIsCountedOnce() {
        // As of 03-06, known then: d-pay has ann PROPOSED (once), ben SUPPORTED, cal OPPOSED,
        // dee SUPPORTED (not yet retracted), ben AMENDED = 5 by 4; made, not yet revised.
        // d-venue: ben's implied PROPOSED and ann's SUPPORTED = 2 by 2.
        DecisionList list = decisions(SIXTH_OF_MARCH, SIXTH_OF_MARCH);

        assertThat(list.decisions())
                .containsExactly(
                        new DecisionOverview(
                                PAY,
                                PAY_TITLE,
                                DecisionStatus.MADE,
                                ANN,
                                PAY_PROPOSED,
                                PAY_MADE,
                                LIVING_WAGE,
                                DecisionMethod.CONSENSUS,
                                4,
                                5),
                        new DecisionOverview(
                                VENUE,
                                VENUE_TITLE,
                                DecisionStatus.PROPOSED,
                                BEN,
                                VENUE_PROPOSED,
                                null,
                                null,
                                null,
                                2,
                                2));
    }

    // ---- deciders

    @Test
    void givenDecidersWhoRecordedNoCountedInfluence_whenAsked_thenTheyAreInDecidedByOnly() {
        // dee decided d-pay and her only influence is retracted: a decider, not an influencer. ann decided
        // it too and is an influencer through her proposal.
        DecisionInfluencers answer = influencers(PAY, END, END);

        assertThat(answer.decidedBy()).containsExactly(DEE, ANN);
        assertThat(influencerIds(answer)).containsExactly(ANN, BEN, CAL, EVE);
    }

    // ---- discussion

    @Test
    void givenARetractedContribution_whenDiscussantsAreCounted_thenItDoesNotCount() {
        // ben spoke to d-pay twice (c-ben-1, c-ben-2), cal once; ann's c-ann-1 is retracted; dee's
        // contribution named no decision. Most contributions first.
        assertThat(influencers(PAY, END, END).discussedBy())
                .containsExactly(new Discussant(BEN, 2), new Discussant(CAL, 1));
    }

    @Test
    void givenAContributionRetractedLater_whenKnownAtIsBeforeTheRetraction_thenItCounts() {
        // On 01-21 as known then: one contribution each from ann, ben and cal, ties by member id.
        assertThat(influencers(PAY, DAY_AFTER_KICK_OFF, DAY_AFTER_KICK_OFF).discussedBy())
                .containsExactly(new Discussant(ANN, 1), new Discussant(BEN, 1), new Discussant(CAL, 1));
    }

    // ---- before the proposal

    @Test
    void givenAsOfBeforeTheProposal_whenAsked_thenTheDecisionIsNotYetProposedAndHasNoInfluencers() {
        DecisionInfluencers answer = influencers(VENUE, FIRST_OF_MARCH, END);

        assertThat(answer)
                .isEqualTo(new DecisionInfluencers(
                        PROJECT,
                        VENUE,
                        null,
                        FIRST_OF_MARCH,
                        END,
                        DecisionStatus.NOT_YET_PROPOSED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of()));
        // The kick-off meeting had begun, but d-pay was proposed half an hour later.
        assertThat(influencers(PAY, KICK_OFF, END).status()).isEqualTo(DecisionStatus.NOT_YET_PROPOSED);
    }

    @Test
    void givenAProposalNotYetRecorded_whenAsked_thenTheDecisionIsNotYetProposed() {
        assertThat(influencers(VENUE, END, VENUE_RECORDED.minusSeconds(1)).status())
                .isEqualTo(DecisionStatus.NOT_YET_PROPOSED);
        assertThat(decisions(END, VENUE_RECORDED.minusSeconds(1)).decisions())
                .extracting(DecisionOverview::decisionId)
                .containsExactly(PAY);
    }

    // ---- influence by member and perspective

    @Test
    void givenTheWholeRecord_whenSummarised_thenInfluencesCountByMemberAndByPerspectiveOfTheirTime() {
        // Counted: d-pay ann PROPOSED (ACADEMIC), ben SUPPORTED (SERVICE_USER), cal OPPOSED (CLINICIAN),
        // eve EVIDENCED (CARER), ben AMENDED (PEER_WORKER); d-venue ben PROPOSED (PEER_WORKER), ann
        // SUPPORTED (ACADEMIC). Total 7 over 2 decisions; dee's retracted one is not counted.
        InfluenceSummary summary = summary(END, END, null);

        assertThat(summary.total()).isEqualTo(7);
        assertThat(summary.decisions()).isEqualTo(2);
        assertThat(summary.phaseId()).isNull();
        assertThat(summary.members())
                .containsExactly(
                        new MemberInfluence(
                                BEN,
                                BEN_NAME,
                                "PEER_WORKER",
                                3,
                                3.0 / 7,
                                2,
                                Map.of(PROPOSED, 1, SUPPORTED, 1, AMENDED, 1)),
                        new MemberInfluence(
                                ANN, ANN_NAME, "ACADEMIC", 2, 2.0 / 7, 2, Map.of(PROPOSED, 1, SUPPORTED, 1)),
                        new MemberInfluence(CAL, CAL_NAME, "CLINICIAN", 1, 1.0 / 7, 1, Map.of(OPPOSED, 1)),
                        new MemberInfluence(EVE, EVE_NAME, "CARER", 1, 1.0 / 7, 1, Map.of(EVIDENCED, 1)));
        assertThat(summary.perspectives())
                .containsExactly(
                        new PerspectiveInfluence("ACADEMIC", 2, 2.0 / 7, 2, Map.of(PROPOSED, 1, SUPPORTED, 1)),
                        new PerspectiveInfluence("PEER_WORKER", 2, 2.0 / 7, 2, Map.of(PROPOSED, 1, AMENDED, 1)),
                        new PerspectiveInfluence("CARER", 1, 1.0 / 7, 1, Map.of(EVIDENCED, 1)),
                        new PerspectiveInfluence("CLINICIAN", 1, 1.0 / 7, 1, Map.of(OPPOSED, 1)),
                        new PerspectiveInfluence("SERVICE_USER", 1, 1.0 / 7, 1, Map.of(SUPPORTED, 1)));
    }

    @Test
    void givenAPhase_whenSummarised_thenOnlyInfluencesThatOccurredInItCount() {
        // design is [02-01, 03-01): cal OPPOSED 02-10 and eve EVIDENCED 02-14, both on d-pay.
        InfluenceSummary summary = summary(END, END, DESIGN);

        assertThat(summary.phaseId()).isEqualTo(DESIGN);
        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.decisions()).isEqualTo(1);
        assertThat(summary.members())
                .containsExactly(
                        new MemberInfluence(CAL, CAL_NAME, "CLINICIAN", 1, 0.5, 1, Map.of(OPPOSED, 1)),
                        new MemberInfluence(EVE, EVE_NAME, "CARER", 1, 0.5, 1, Map.of(EVIDENCED, 1)));
    }

    @Test
    void givenAPhase_whenSummarisedAsKnownBeforeTheCorrections_thenTheRecordOfThatTimeCounts() {
        // Known on 03-06: dee's SUPPORTED (02-10, ACADEMIC) not yet retracted, eve's not yet recorded.
        InfluenceSummary summary = summary(END, SIXTH_OF_MARCH, DESIGN);

        assertThat(summary.members()).extracting(MemberInfluence::memberId).containsExactly(CAL, DEE);
        assertThat(summary.perspectives())
                .extracting(PerspectiveInfluence::perspective)
                .containsExactly("ACADEMIC", "CLINICIAN");
    }

    @Test
    void givenTheBeforeFirstPhaseBucket_whenSummarised_thenPerspectivesAreThoseOfThatPeriod() {
        // Before 02-01: ann PROPOSED and ben SUPPORTED; ben's latest counted influence in the period
        // is of 01-20, so his primary perspective is SERVICE_USER here (PEER_WORKER overall).
        InfluenceSummary summary = summary(END, END, PhaseCalendar.BEFORE_FIRST_PHASE);

        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.members())
                .containsExactly(
                        new MemberInfluence(ANN, ANN_NAME, "ACADEMIC", 1, 0.5, 1, Map.of(PROPOSED, 1)),
                        new MemberInfluence(BEN, BEN_NAME, "SERVICE_USER", 1, 0.5, 1, Map.of(SUPPORTED, 1)));
    }

    @Test
    void givenTheRunningPhase_whenSummarised_thenInfluencesOnEveryDecisionInItCount() {
        // fieldwork from 03-01: ben PROPOSED d-venue (03-02), ann SUPPORTED d-venue (03-03), ben AMENDED
        // d-pay (03-05): 3 over 2 decisions, all PEER_WORKER but ann's.
        InfluenceSummary summary = summary(END, END, FIELDWORK);

        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.decisions()).isEqualTo(2);
        assertThat(summary.members())
                .containsExactly(
                        new MemberInfluence(
                                BEN, BEN_NAME, "PEER_WORKER", 2, 2.0 / 3, 2, Map.of(PROPOSED, 1, AMENDED, 1)),
                        new MemberInfluence(ANN, ANN_NAME, "ACADEMIC", 1, 1.0 / 3, 1, Map.of(SUPPORTED, 1)));
        assertThat(summary.perspectives())
                .extracting(p -> p.perspective() + "=" + p.influences())
                .containsExactly("PEER_WORKER=2", "ACADEMIC=1");
    }

    // ---- not found

    @Test
    void cannotAnswerForAPhaseNotStartedByAsOfOrUnknown() {
        assertNotFound(
                () -> readModel.summary(PROJECT, new PointInTime(DAY_AFTER_EVE_EVIDENCE, END), FIELDWORK), "phaseId");
        assertNotFound(() -> readModel.summary(PROJECT, new PointInTime(END, END), "analysis"), "phaseId");
        assertNotFound(() -> folded(END).summary(DAY_AFTER_EVE_EVIDENCE, FIELDWORK), "phaseId");
    }

    @Test
    void cannotAnswerForAnUnknownDecision() {
        assertNotFound(() -> readModel.influencers(PROJECT, "d-never", new PointInTime(END, END)), "decisionId");
        assertThat(historyReader.read(PROJECT, END).holdsDecision("d-never")).isFalse();
    }

    @Test
    void cannotAnswerForAnUnknownProject() {
        assertNotFound(() -> readModel.influencers("no-such-project", PAY, new PointInTime(END, END)), "projectId");
        assertNotFound(() -> readModel.decisions("no-such-project", new PointInTime(END, END)), "projectId");
        assertNotFound(() -> readModel.summary("no-such-project", new PointInTime(END, END), null), "projectId");
        assertNotFound(() -> historyReader.read("no-such-project", END), "projectId");
    }

    // ---- both paths

    /** The read model's answer, after checking that the fold of the event store gives the same. */
    private DecisionInfluencers influencers(String decisionId, Instant asOf, Instant knownAt) {
        DecisionInfluencers answer = readModel.influencers(PROJECT, decisionId, new PointInTime(asOf, knownAt));
        assertThat(answer).as("read model = fold").isEqualTo(folded(knownAt).influencers(decisionId, asOf));
        return answer;
    }

    private DecisionList decisions(Instant asOf, Instant knownAt) {
        DecisionList answer = readModel.decisions(PROJECT, new PointInTime(asOf, knownAt));
        assertThat(answer).as("read model = fold").isEqualTo(folded(knownAt).decisions(asOf));
        return answer;
    }

    private InfluenceSummary summary(Instant asOf, Instant knownAt, String phaseId) {
        InfluenceSummary answer = readModel.summary(PROJECT, new PointInTime(asOf, knownAt), phaseId);
        assertThat(answer).as("read model = fold").isEqualTo(folded(knownAt).summary(asOf, phaseId));
        return answer;
    }

    private FoldedInfluence folded(Instant knownAt) {
        return new FoldedInfluence(PROJECT, historyReader.read(PROJECT, knownAt));
    }

    private static List<String> influencerIds(DecisionInfluencers answer) {
        return answer.influencers().stream().map(Influencer::memberId).toList();
    }

    private static Influencer influencer(DecisionInfluencers answer, String memberId) {
        return answer.influencers().stream()
                .filter(i -> i.memberId().equals(memberId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(memberId + " is not an influencer in " + answer));
    }

    private static void assertNotFound(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.NOT_FOUND);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
