package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.timeline.access.Door;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every table the pages show downloads as CSV, and participation as an Excel workbook too (issue 23): {@code ?format=csv} or {@code Accept:
 * text/csv} on its endpoint, RFC 4180 (a header row, CRLF, quotes where needed), UTF-8, as an
 * attachment, with the same figures as the JSON.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvDownloadsTest {

    static final String AS = Door.ADMIN;
    static final String HARD_NAME = "Łucja \"Lu\", Wiśniewska";

    @LocalServerPort
    int port;

    Door door;
    String project;

    @BeforeAll
    void aSmallStudy() {
        door = new Door(port);
        project = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        InterchangeFile file = new InterchangeFile(project)
                .add("ProjectRegistered", "2024-01-01", "2024-01-01T09:00:00Z", "title", "CSV study")
                .add("PhaseStarted", "2024-01-01", "2024-01-01T09:01:00Z", "phaseId", "design", "name", "Design")
                .memberJoined("2024-01-02", "2024-01-02T09:00:00Z", "ann", "Ann Archer", "RESEARCHER", "ACADEMIC")
                .memberJoined("2024-01-02", "2024-01-02T09:01:00Z", "lu", HARD_NAME, "RESEARCHER", "SERVICE_USER")
                .add(
                        "MeetingHeld",
                        "2024-01-10T10:00:00Z",
                        "2024-01-10T12:00:00Z",
                        "meetingId",
                        "m1",
                        "title",
                        "Team meeting",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("ann", "lu"))
                .add(
                        "ContributionRecorded",
                        "2024-01-10T10:05:00Z",
                        "2024-01-10T12:00:00Z",
                        "meetingId",
                        "m1",
                        "contributionId",
                        "c1",
                        "memberId",
                        "lu",
                        "category",
                        "GIVES_SUGGESTION")
                .add(
                        "DecisionProposed",
                        "2024-01-10T10:10:00Z",
                        "2024-01-10T12:00:00Z",
                        "decisionId",
                        "d-1",
                        "title",
                        "Pay, \"fairly\"",
                        "proposedBy",
                        "lu")
                .add(
                        "InfluenceRecorded",
                        "2024-01-10T10:20:00Z",
                        "2024-01-10T12:00:00Z",
                        "decisionId",
                        "d-1",
                        "influenceId",
                        "i-1",
                        "memberId",
                        "ann",
                        "kind",
                        "SUPPORTED");
        Door.Answer imported = door.send(AS, "POST", "/api/import", file.text(), "application/x-ndjson");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void participationByFormatCsvHasARowPerWindowAndMemberWithTheJsonsFigures() throws IOException {
        String base = "/api/projects/" + project + "/participation";
        Door.Answer csv = door.send(AS, "GET", base + "?format=csv", null);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("participation-by-phase.csv"));
        assertThat(csv.body()).contains("\r\n").doesNotContain("\n\n");
        List<Map<String, String>> rows = rows(csv.body());
        JsonNode windows = door.send(AS, "GET", base, null).json().path("windows");
        List<String> expected = new ArrayList<>();
        for (JsonNode w : windows) {
            for (JsonNode m : w.path("members")) {
                expected.add(w.path("key").asText() + "|" + m.path("memberId").asText() + "|"
                        + m.path("contributions").asInt() + "|"
                        + m.path("share").asDouble() + "|"
                        + m.path("influences").asInt());
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(rows.stream()
                        .map(r -> r.get("windowKey") + "|" + r.get("memberId") + "|"
                                + Integer.parseInt(r.get("contributions")) + "|" + Double.parseDouble(r.get("share"))
                                + "|" + Integer.parseInt(r.get("influences")))
                        .toList())
                .containsExactlyElementsOf(expected);
        assertThat(rows).anySatisfy(r -> assertThat(r.get("name")).isEqualTo(HARD_NAME));
    }

    /**
     * Participation, whose page shows several tables, is also an Excel workbook: a sheet for the
     * windows, the members (the CSV's rows), the perspectives and the involvement matrix, with
     * numbers as numbers, instants as dates, and the JSON's figures.
     */
    @Test
    void participationAsAWorkbookHasASheetPerPartWithTheJsonsFigures() throws Exception {
        String base = "/api/projects/" + project + "/participation";
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(door.request(AS, base + "?format=xlsx").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Workbook.MEDIA_TYPE);
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).startsWith("attachment").contains("participation-by-phase.xlsx"));
        JsonNode windows = door.send(AS, "GET", base, null).json().path("windows");
        JsonNode design = windows.path(windows.size() - 1);
        assertThat(design.path("key").asText()).isEqualTo("design");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            assertThat(book.sheetIterator())
                    .toIterable()
                    .extracting(org.apache.poi.ss.usermodel.Sheet::getSheetName)
                    .containsExactly("Windows", "Members", "Perspectives", "Involvement");

            XSSFSheet windowSheet = book.getSheet("Windows");
            assertThat(windowSheet.getLastRowNum()).isEqualTo(windows.size());
            XSSFRow last = windowSheet.getRow(windows.size());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("design");
            assertThat(last.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(last.getCell(2).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.ofInstant(
                            Instant.parse(design.path("start").asText()), ZoneOffset.UTC));
            assertThat(last.getCell(5).getNumericCellValue())
                    .isEqualTo(design.path("totalContributions").asDouble());
            assertThat(last.getCell(6).getNumericCellValue())
                    .isEqualTo(design.path("gini").asDouble());

            XSSFSheet members = book.getSheet("Members");
            int memberRows = 0;
            for (JsonNode w : windows) {
                memberRows += w.path("members").size();
            }
            assertThat(members.getLastRowNum()).isEqualTo(memberRows);
            assertThat(members.getRow(0).getCell(9).getStringCellValue()).isEqualTo("name");
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= memberRows; r++) {
                names.add(members.getRow(r).getCell(9).getStringCellValue());
            }
            assertThat(names).contains(HARD_NAME);

            XSSFSheet involvement = book.getSheet("Involvement");
            Map<String, String> levels = new java.util.TreeMap<>();
            for (int r = 1; r <= involvement.getLastRowNum(); r++) {
                levels.put(
                        involvement.getRow(r).getCell(0).getStringCellValue(),
                        involvement.getRow(r).getCell(windows.size()).getStringCellValue());
            }
            Map<String, String> expected = new java.util.TreeMap<>();
            design.path("involvement")
                    .fields()
                    .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            assertThat(levels).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void decisionsInfluencersInfluenceTimelineAndTeamAnswerAcceptTextCsv() throws IOException {
        String base = "/api/projects/" + project;

        List<Map<String, String>> decisions = rows(csv(base + "/decisions"));
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.get("title")).isEqualTo("Pay, \"fairly\"");
            assertThat(d.get("influencers")).isEqualTo("2");
        });

        List<Map<String, String>> influencers = rows(csv(base + "/decisions/d-1/influencers"));
        assertThat(influencers)
                .extracting(r -> r.get("memberId") + " " + r.get("kind"))
                .containsExactlyInAnyOrder("lu PROPOSED", "ann SUPPORTED");

        List<Map<String, String>> influence = rows(csv(base + "/influence"));
        assertThat(influence)
                .filteredOn(r -> r.get("by").equals("member"))
                .extracting(r -> r.get("memberId") + " " + r.get("influences") + " " + r.get("SUPPORTED"))
                .containsExactlyInAnyOrder("lu 1 0", "ann 1 1");
        assertThat(influence).filteredOn(r -> r.get("by").equals("perspective")).hasSize(2);

        List<Map<String, String>> timeline = rows(csv(base + "/timeline?type=MemberJoined,DecisionProposed"));
        assertThat(timeline)
                .extracting(r -> r.get("type"))
                .containsExactly("MemberJoined", "MemberJoined", "DecisionProposed");
        assertThat(timeline.get(1).get("members")).isEqualTo(HARD_NAME);

        // As the timeline page's link asks, with its zoom window's instants to the millisecond.
        assertThat(rows(csv(base + "/timeline?from=2024-01-02T00:00:00.000Z&to=2024-01-10T10:10:00.000Z")))
                .extracting(r -> r.get("type"))
                .containsExactly(
                        "MemberJoined", "MemberJoined", "MeetingHeld", "ContributionRecorded", "DecisionProposed");

        List<Map<String, String>> team = rows(csv(base));
        assertThat(team).extracting(r -> r.get("name")).containsExactlyInAnyOrder("Ann Archer", HARD_NAME);
        assertThat(team).allSatisfy(r -> assertThat(r.get("active")).isEqualTo("true"));
    }

    @Test
    void aRefusalAskedAsCsvIsStillAProblemAndTheReportsFormatsAreLeftToIt() {
        Door.Answer unknown = door.send(door.request(AS, "/api/projects/csv-never-registered/decisions")
                .header("Accept", "text/csv")
                .GET()
                .build());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);

        Door.Answer report = door.send(AS, "GET", "/api/projects/" + project + "/report?format=csv", null);
        assertThat(report.status()).as(report.body()).isIn(400, 406);
        assertThat(door.send(AS, "GET", "/api/projects/" + project + "/report?format=md", null)
                        .status())
                .isEqualTo(200);
    }

    private String csv(String path) {
        Door.Answer answer = door.send(
                door.request(AS, path).header("Accept", "text/csv").GET().build());
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        return answer.body();
    }

    private static List<Map<String, String>> rows(String csv) throws IOException {
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .build();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader())
                .readValues(csv)) {
            return it.readAll();
        }
    }
}
