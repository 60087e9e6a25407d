package org.coproduction.timeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.report.api.Gripp2Form;
import org.coproduction.timeline.report.api.Gripp2Status;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.ChecklistItem;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.query.EvidenceAppendix;
import org.coproduction.timeline.report.query.HtmlReport;
import org.coproduction.timeline.report.query.LifecycleReportQuery;
import org.coproduction.timeline.report.query.MarkdownReport;
import org.coproduction.timeline.report.query.ReportOptions;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the team writes for the report's GRIPP2 items (Gripp2ItemWritten): shown under the item's
 * heading with its authors, as of the date asked and as the record stood then; written again, the
 * later text replaces it; the checklist says who answered each item.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class TeamWrittenGripp2Test {

    private static final String PROJECT = "report-team-text";
    private static boolean imported;

    @Autowired
    private JsonLinesImporter importer;

    @Autowired
    private LifecycleReportQuery reports;

    @TempDir
    private Path dir;

    @BeforeEach
    void importAStudyWhoseTeamWritesTwice() throws IOException {
        if (imported) {
            return;
        }
        List<String> lines = List.of(
                line(1, "ProjectRegistered", "2024-01-01", "2024-01-01", "\"title\":\"Team text\""),
                line(2, "MemberJoined", "2024-01-01", "2024-01-01", member("ann", "Ann Archer", "ACADEMIC")),
                line(3, "MemberJoined", "2024-01-01", "2024-01-01", member("sian", "Siân Łucja Đặng", "SERVICE_USER")),
                line(4, "PhaseStarted", "2024-01-02", "2024-01-02", "\"phaseId\":\"design\",\"name\":\"Design\""),
                line(
                        5,
                        "Gripp2ItemWritten",
                        "2024-03-01",
                        "2024-03-01",
                        written("REFLECTIONS", "A first draft.", "\"ann\"")),
                line(
                        6,
                        "Gripp2ItemWritten",
                        "2024-05-01",
                        "2024-05-02",
                        written(
                                "REFLECTIONS",
                                "Evening meetings let carers come.\\n\\nThe glossary came too late.",
                                "\"sian\",\"ann\"")),
                line(
                        7,
                        "Gripp2ItemWritten",
                        "2024-05-01",
                        "2024-05-02",
                        written("AIM", "To learn how peer workers shape a study <together> & apart.", "\"sian\"")),
                line(
                        8,
                        "Gripp2ItemWritten",
                        "2024-05-01",
                        "2024-05-02",
                        written("METHODS", "We recruited through service-user forums.", "\"ann\"")),
                line(
                        9,
                        "Gripp2ItemWritten",
                        "2024-05-01",
                        "2024-05-02",
                        written("PEOPLE", "Peer workers were paid and trained before the first meeting.", "\"ann\"")),
                line(10, "MemberJoined", "2024-01-01", "2024-01-01", member("cal", "Cal Carter", "CARER")),
                line(
                        11,
                        "Gripp2ItemWritten",
                        "2024-05-01",
                        "2024-05-02",
                        written("CONCLUSIONS", "Paying everyone mattered most.", "\"ann\",\"cal\"")),
                line(12, "ConsentWithdrawn", "2024-06-10", "2024-06-10", "\"memberId\":\"cal\""));
        Path file = dir.resolve("team.jsonl");
        Files.write(file, lines);
        importer.importFile(file, new ImportProgress() {});
        imported = true;
    }

    private LifecycleReport report(String asOf, String knownAt) {
        return reports.report(PROJECT, new PointInTime(Instant.parse(asOf), Instant.parse(knownAt)));
    }

    private static Gripp2Item answer(LifecycleReport report, String key) {
        return report.gripp2().answers().stream()
                .filter(a -> a.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theLatestTextWrittenByTheDateAskedIsTheAnswer_withItsAuthorsByName() {
        Gripp2Item before = answer(report("2024-02-01T00:00:00Z", "2024-12-01T00:00:00Z"), "reflections");
        Gripp2Item draft = answer(report("2024-04-01T00:00:00Z", "2024-12-01T00:00:00Z"), "reflections");
        Gripp2Item last = answer(report("2024-06-01T00:00:00Z", "2024-12-01T00:00:00Z"), "reflections");

        assertThat(before.written()).isNull();
        assertThat(draft.written().text()).isEqualTo("A first draft.");
        assertThat(draft.written().authors()).containsExactly("Ann Archer");
        assertThat(last.written().text()).isEqualTo("Evening meetings let carers come.\n\nThe glossary came too late.");
        assertThat(last.written().authors()).containsExactly("Siân Łucja Đặng", "Ann Archer");
        assertThat(last.written().writtenAt()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(last.eventIds()).contains("00000000-0000-0000-0024-000000000006");
    }

    @Test
    void theRecordsSentenceLeavingAPartToTheTeamGoesOnceTheTeamHasWrittenIt() {
        String sentence = "How members were recruited, trained and supported is to be written by the team.";

        assertThat(answer(report("2024-04-01T00:00:00Z", "2024-12-01T00:00:00Z"), "people")
                        .text())
                .endsWith(sentence);
        assertThat(answer(report("2024-06-01T00:00:00Z", "2024-12-01T00:00:00Z"), "people")
                        .text())
                .doesNotContain("to be written")
                .contains("3 members took part");
    }

    @Test
    void asTheRecordStoodBeforeTheCorrectionWasRecorded_theDraftIsTheAnswer() {
        Gripp2Item known = answer(report("2024-06-01T00:00:00Z", "2024-05-01T12:00:00Z"), "reflections");

        assertThat(known.written().text()).isEqualTo("A first draft.");
    }

    /** The text stays (it is the team's); an author who withdrew consent is named by pseudonym, whenever asked. */
    @Test
    void anAuthorWhoWithdrewConsentIsTheirPseudonym_theTextStays() {
        for (String knownAt : List.of("2024-05-03T00:00:00Z", "2024-12-01T00:00:00Z")) {
            Gripp2Item conclusions = answer(report("2024-06-01T00:00:00Z", knownAt), "conclusions");

            assertThat(conclusions.written().text()).isEqualTo("Paying everyone mattered most.");
            assertThat(conclusions.written().authors()).containsExactly("Ann Archer", "Withdrawn member 1");
        }
    }

    @Test
    void theChecklistSaysWhoAnsweredEachItem() {
        LifecycleReport report = report("2024-06-01T00:00:00Z", "2024-12-01T00:00:00Z");

        assertThat(report.gripp2().shortForm())
                .extracting(ChecklistItem::number, ChecklistItem::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", Gripp2Status.WRITTEN_BY_THE_TEAM),
                        org.assertj.core.groups.Tuple.tuple("2", Gripp2Status.FROM_THE_RECORD_AND_THE_TEAM),
                        org.assertj.core.groups.Tuple.tuple("3", Gripp2Status.NOT_YET_ANSWERED),
                        org.assertj.core.groups.Tuple.tuple("4", Gripp2Status.NOT_YET_ANSWERED),
                        org.assertj.core.groups.Tuple.tuple("5", Gripp2Status.WRITTEN_BY_THE_TEAM));
        assertThat(report.gripp2().longForm())
                .filteredOn(i -> i.number().equals("3"))
                .extracting(ChecklistItem::status)
                .containsExactly(Gripp2Status.WRITTEN_BY_THE_TEAM);
    }

    @Test
    void theHtmlAndMarkdownPrintTheTeamsTextInParagraphsUnderItsHeading_escaped() {
        LifecycleReport report = report("2024-06-01T00:00:00Z", "2024-12-01T00:00:00Z");
        ReportOptions options = new ReportOptions(EvidenceAppendix.SUMMARY, Gripp2Form.SHORT);
        Parser strict = Parser.xmlParser().setTrackErrors(10);
        Document page = strict.parseInput(HtmlReport.render(report, options), "");

        assertThat(strict.getErrors()).isEmpty();
        assertThat(page.select("#gripp2-reflections + div.team p").eachText())
                .containsExactly(
                        "Written by the team (Siân Łucja Đặng, Ann Archer), 2024-05-01:",
                        "Evening meetings let carers come.",
                        "The glossary came too late.");
        assertThat(page.select("#gripp2-aim + div.team p").last().text())
                .isEqualTo("To learn how peer workers shape a study <together> & apart.");
        // The team's text replaces "To be written by the team": the next answer's heading follows it.
        assertThat(page.select("#gripp2-aim + div.team")
                        .first()
                        .nextElementSibling()
                        .tagName())
                .isEqualTo("h3");
        assertThat(MarkdownReport.render(report, options))
                .contains("> *Written by the team (Siân Łucja Đặng, Ann Archer), 2024-05-01:*")
                .contains("> To learn how peer workers shape a study &lt;together&gt; &amp; apart.");
    }

    private static String line(int n, String type, String occurredAt, String recordedOn, String fields) {
        // Event ids are unique in the whole store: this class's differ from other tests' small studies.
        return "{\"type\":\"" + type + "\",\"schemaVersion\":1,\"eventId\":\"00000000-0000-0000-0024-"
                + String.format("%012d", n) + "\",\"recordedAt\":\"" + recordedOn + "T00:00:00Z\",\"data\":{"
                + "\"projectId\":\"" + PROJECT + "\",\"occurredAt\":\"" + occurredAt + "\"," + fields + "}}";
    }

    private static String member(String id, String name, String perspective) {
        return "\"memberId\":\"" + id + "\",\"name\":\"" + name + "\",\"role\":\"RESEARCHER\",\"perspectives\":[\""
                + perspective + "\"]";
    }

    private static String written(String item, String text, String authors) {
        return "\"item\":\"" + item + "\",\"text\":\"" + text + "\",\"authors\":[" + authors + "]";
    }
}
