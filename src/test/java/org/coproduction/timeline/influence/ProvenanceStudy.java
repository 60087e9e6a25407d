package org.coproduction.timeline.influence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.JsonLinesImporter;

/**
 * A small study whose one decision has every kind of provenance: a proposer, an influence citing a
 * contribution, one citing a private reflection, one retracted later, and two deciders. Lines carry
 * their own recordedAt, so the record can be read as it stood before and after the retraction.
 */
final class ProvenanceStudy {

    static final String PROJECT = "provenance-study";
    static final String DECISION = "d-01";
    static final String NEVER_PROPOSED = "d-99";
    static final String NEVER_REGISTERED = "provenance-never-registered";

    static final String HELEN = "helen-marsh";
    static final String HELEN_NAME = "Helen Marsh";
    static final String SAM = "sam-okafor";
    static final String SAM_NAME = "Sam Okafor";
    static final String PRIYA = "priya-shah";
    static final String PRIYA_NAME = "Priya Shah";
    static final String TOM = "tom-reed";

    static final String MEETING = "m-01";
    static final String CONTRIBUTION = "c-00019";
    static final String REFLECTION = "r-0003";
    static final String SUPPORT = "i-0001";
    static final String LIVED_EXPERIENCE = "i-0002";
    static final String OPPOSITION = "i-0003";

    static final String TITLE = "Pay participants for their time";
    static final String OUTCOME = "Vouchers at the NIHR rate";
    static final String PRIVATE_TEXT = "I nearly walked out when they talked over me.";

    static final String REGISTERED_AT = "2021-01-04T09:00:00Z";
    static final String TEAM_JOINS_AT = "2021-01-04T09:15:00Z";
    static final String SET_UP_RECORDED_AT = "2021-01-04T09:30:00Z";
    static final String MEETING_AT = "2021-01-11T10:00:00Z";
    static final String PROPOSED_AT = "2021-01-11T10:15:00Z";
    static final String SAM_SPEAKS_AT = "2021-01-11T10:20:00Z";
    static final String SUPPORTED_AT = "2021-01-11T10:25:00Z";
    static final String OPPOSED_AT = "2021-01-11T10:30:00Z";
    static final String MINUTES_RECORDED_AT = "2021-01-11T12:00:00Z";
    static final String REFLECTED_AT = "2021-01-12T18:00:00Z";
    static final String REFLECTION_RECORDED_AT = "2021-01-12T20:00:00Z";
    static final String LIVED_EXPERIENCE_AT = "2021-01-13T09:00:00Z";
    static final String LIVED_EXPERIENCE_RECORDED_AT = "2021-01-13T09:30:00Z";
    static final String DECIDED_AT = "2021-02-08T10:00:00Z";
    static final String DECISION_RECORDED_AT = "2021-02-08T12:00:00Z";
    static final String RETRACTED_ON = "2021-02-10";
    static final String RETRACTION_RECORDED_AT = "2021-02-10T09:00:00Z";

    /** Valid and recorded time after everything in the study. */
    static final String LATER = "2022-01-01T00:00:00Z";
    /** Recorded time between the decision and the retraction of Tom's influence. */
    static final String BEFORE_RETRACTION_KNOWN = "2021-02-09T00:00:00Z";
    /** Valid time between the proposal and the decision. */
    static final String BEFORE_DECIDED = "2021-02-01T00:00:00Z";

    static final int PROPOSED_LINE = 7;
    static final int SUPPORTED_LINE = 10;
    static final int LIVED_EXPERIENCE_LINE = 11;

    private ProvenanceStudy() {}

    static InterchangeFile file() {
        return new InterchangeFile(PROJECT)
                .add("ProjectRegistered", REGISTERED_AT, "2021-01-04T09:05:00Z", "title", "Paying peer researchers")
                .memberJoined(
                        TEAM_JOINS_AT,
                        SET_UP_RECORDED_AT,
                        HELEN,
                        HELEN_NAME,
                        "CHIEF_INVESTIGATOR",
                        "ACADEMIC",
                        "CLINICIAN")
                .memberJoined(
                        TEAM_JOINS_AT, SET_UP_RECORDED_AT, SAM, SAM_NAME, "SERVICE_USER_RESEARCHER", "SERVICE_USER")
                .memberJoined(TEAM_JOINS_AT, SET_UP_RECORDED_AT, PRIYA, PRIYA_NAME, "PEER_WORKER", "PEER_WORKER")
                .memberJoined(TEAM_JOINS_AT, SET_UP_RECORDED_AT, TOM, "Tom Reed", "ADVISORY_MEMBER", "CARER")
                .add(
                        "MeetingHeld",
                        MEETING_AT,
                        MINUTES_RECORDED_AT,
                        "meetingId",
                        MEETING,
                        "title",
                        "Steering group",
                        "kind",
                        "STEERING",
                        "attendees",
                        List.of(HELEN, SAM, PRIYA, TOM))
                .add(
                        "DecisionProposed",
                        PROPOSED_AT,
                        MINUTES_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "title",
                        TITLE,
                        "proposedBy",
                        HELEN)
                .add(
                        "ContributionRecorded",
                        SAM_SPEAKS_AT,
                        MINUTES_RECORDED_AT,
                        "meetingId",
                        MEETING,
                        "contributionId",
                        CONTRIBUTION,
                        "memberId",
                        SAM,
                        "category",
                        "GIVES_SUGGESTION",
                        "decisionId",
                        DECISION)
                .add(
                        "ReflectionWritten",
                        REFLECTED_AT,
                        REFLECTION_RECORDED_AT,
                        "reflectionId",
                        REFLECTION,
                        "authorId",
                        PRIYA,
                        "text",
                        PRIVATE_TEXT,
                        "visibility",
                        "PRIVATE",
                        "decisionId",
                        DECISION)
                .add(
                        "InfluenceRecorded",
                        SUPPORTED_AT,
                        MINUTES_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "influenceId",
                        SUPPORT,
                        "memberId",
                        SAM,
                        "kind",
                        "SUPPORTED",
                        "contributionId",
                        CONTRIBUTION)
                .add(
                        "InfluenceRecorded",
                        LIVED_EXPERIENCE_AT,
                        LIVED_EXPERIENCE_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "influenceId",
                        LIVED_EXPERIENCE,
                        "memberId",
                        PRIYA,
                        "kind",
                        "LIVED_EXPERIENCE",
                        "reflectionId",
                        REFLECTION)
                .add(
                        "InfluenceRecorded",
                        OPPOSED_AT,
                        MINUTES_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "influenceId",
                        OPPOSITION,
                        "memberId",
                        TOM,
                        "kind",
                        "OPPOSED")
                .add(
                        "DecisionMade",
                        DECIDED_AT,
                        DECISION_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "outcome",
                        OUTCOME,
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of(HELEN, SAM))
                .add(
                        "InfluenceRetracted",
                        RETRACTED_ON,
                        RETRACTION_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "influenceId",
                        OPPOSITION,
                        "reason",
                        "Miscoded: Tom asked a question");
    }

    /** Imports the study; importing it again adds nothing, so every test may call this. */
    static void importInto(JsonLinesImporter importer, Path folder) {
        try {
            Path lines = Files.writeString(folder.resolve(PROJECT + ".jsonl"), file().text());
            importer.importFile(lines, ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
