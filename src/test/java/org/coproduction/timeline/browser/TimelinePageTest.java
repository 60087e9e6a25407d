package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The project timeline: the whole demo drawn, filtered, travelled in time, and a mark's details. */
class TimelinePageTest extends BrowserTest {

    private static final String MEMBER = "samuel-osei";
    private static final String DAY = "2022-08-01";
    private static final String END_OF_DAY = DAY + "T23:59:59.999999999Z";
    private static final List<String> EVENT_TYPES = List.of(
            "ProjectRegistered",
            "PhaseStarted",
            "ProjectClosed",
            "MemberJoined",
            "MemberRoleChanged",
            "MemberLeft",
            "ConsentWithdrawn",
            "Gripp2ItemWritten",
            "CodeDefined",
            "CodeRevised",
            "CodesMerged",
            "CodeRetired",
            "MeetingHeld",
            "ContributionRecorded",
            "ContributionRetracted",
            "DecisionProposed",
            "DecisionMade",
            "DecisionRevised",
            "InfluenceRecorded",
            "InfluenceRetracted",
            "ReflectionWritten",
            "ReflectionCoded",
            "PassageCoded",
            "InterviewRecorded");

    @Test
    void drawsEveryEventOfTheDemoAsAMarkOverThePhaseBands_andLogsTheFirstRender() {
        open("timeline.html?project=" + DEMO);

        String renderedMs = rendered();

        long total = http.getForObject("/api/projects/" + DEMO + "/timeline?size=1", JsonNode.class)
                .get("total")
                .asLong();
        int phases = http.getForObject("/api/projects/" + DEMO, JsonNode.class)
                .get("phases")
                .size();
        perf(total, renderedMs, "first load in this browser");
        for (int i = 1; i <= 3; i++) {
            open("timeline.html?project=" + DEMO);
            perf(total, rendered(), "load " + i + " again");
        }
        List<?> drawn = (List<?>) browser.executeScript(
                "const o = echarts.getInstanceByDom(document.getElementById('timeline-chart')).getOption();"
                        + "return [o.series.filter(s => s.id !== 'phases').reduce((n, s) => n + s.data.length, 0),"
                        + " o.series.find(s => s.id === 'phases').markArea.data.length];");
        assertThat(((Number) drawn.get(0)).longValue()).isEqualTo(total);
        assertThat(((Number) drawn.get(1)).intValue()).isEqualTo(phases);
        assertThat(browser.findElements(By.cssSelector("#timeline-chart canvas")))
                .isNotEmpty();
        assertThat(summary().getAttribute("data-total")).isEqualTo(String.valueOf(total));
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(25);
        screenshot("timeline");
    }

    @Test
    void givenAMemberChosen_thenTheListNarrowsToTheEventsNamingThem_andAnEventsDetailsOpenFromTheKeyboard() {
        open("timeline.html?project=" + DEMO);
        rendered();
        long all = Long.parseLong(summary().getAttribute("data-shown"));

        new Select(browser.findElement(By.id("filter-member"))).selectByValue(MEMBER);

        long expected = http.getForObject(
                        "/api/projects/" + DEMO + "/timeline?size=1&memberId=" + MEMBER, JsonNode.class)
                .get("total")
                .asLong();
        waiting().until(d -> String.valueOf(expected).equals(summary().getAttribute("data-shown")));
        assertThat(expected).isPositive().isLessThan(all);
        assertThat(browser.getCurrentUrl()).contains("memberId=" + MEMBER);
        WebElement first = browser.findElement(By.cssSelector("#events tbody tr th button"));
        first.sendKeys(Keys.ENTER);
        WebElement details = visible(By.cssSelector("#event-details-body dl.event-fields"));
        assertThat(details.getText()).contains("Samuel Osei");
        screenshot("timeline-member");
    }

    @Test
    void givenAPhaseChosenToZoomTo_thenTheListHoldsTheEventsOfThatPhase() {
        open("timeline.html?project=" + DEMO);
        rendered();

        new Select(browser.findElement(By.id("zoom-phase"))).selectByValue("data-collection");

        long expected = http.getForObject(
                        "/api/projects/" + DEMO + "/timeline?size=1&phaseId=data-collection", JsonNode.class)
                .get("total")
                .asLong();
        waiting().until(d -> String.valueOf(expected).equals(summary().getAttribute("data-in-view")));
        assertThat(browser.findElement(By.cssSelector("#events tbody tr:last-child td:last-child"))
                        .getText())
                .isEqualTo("Data collection");
        screenshot("timeline-zoomed");
    }

    @Test
    void givenOnlyProposalsShown_whenOneIsChosen_thenItsDetailsLinkToTheDecisionPage() {
        String hide =
                EVENT_TYPES.stream().filter(t -> !t.equals("DecisionProposed")).collect(Collectors.joining(","));
        open("timeline.html?project=" + DEMO + "&hide=" + hide);
        rendered();
        long proposals = http.getForObject(
                        "/api/projects/" + DEMO + "/timeline?size=1&type=DecisionProposed", JsonNode.class)
                .get("total")
                .asLong();
        assertThat(summary().getAttribute("data-shown")).isEqualTo(String.valueOf(proposals));

        browser.findElement(By.cssSelector("#events tbody tr th button")).click();
        WebElement decision = visible(By.cssSelector("#event-details-body a[href*='decisions.html']"));
        assertThat(decision.getAttribute("href")).contains("decision=d-01");
        decision.click();

        assertThat(visible(By.id("decision-facts")).getText()).contains("d-01");
    }

    /**
     * A recorder corrects a turn where the timeline shows it: retracted with the reason, which the
     * record keeps; the turn is marked retracted and no longer counts. The demo, which the tests'
     * administrator only views, offers no correction (issue 23).
     */
    @Test
    void givenATurnChosen_aRecorderRetractsItWithAReason_whileAViewerIsOfferedNoCorrection() {
        String project = newTeam(
                "browser-timeline-correct",
                "Corrections on the timeline",
                new String[] {"ann", "Ann Archer", "ACADEMIC"},
                new String[] {"bea", "Bea Brown", "SERVICE_USER"});
        created(
                "/api/projects/" + project + "/meetings",
                java.util.Map.of(
                        "meetingId",
                        "m-1",
                        "title",
                        "Team",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("ann", "bea"),
                        "occurredAt",
                        "2024-01-04T10:00:00Z"));
        created(
                "/api/projects/" + project + "/meetings/m-1/contributions",
                java.util.Map.of(
                        "contributionId",
                        "c-1",
                        "memberId",
                        "bea",
                        "category",
                        "AGREES",
                        "occurredAt",
                        "2024-01-04T10:05:00Z"));
        String hide = EVENT_TYPES.stream()
                .filter(t -> !t.equals("ContributionRecorded"))
                .collect(Collectors.joining(","));

        open("timeline.html?project=" + project + "&hide=" + hide);
        rendered();
        browser.findElement(By.cssSelector("#events tbody tr th button")).click();
        visible(By.id("retract-turn-reason")).sendKeys("Coded to Bea; it was Ann who agreed");
        browser.findElement(By.cssSelector("#retract-turn button[type=submit]")).click();

        assertThat(visible(By.cssSelector("#events tbody tr.retracted")).getText())
                .contains("retracted");
        assertThat(visible(By.id("event-details-body")).getText())
                .contains("Coded to Bea; it was Ann who agreed")
                .doesNotContain("Correct this turn");
        String events = http.getForObject("/api/projects/" + project + "/events", String.class);
        assertThat(events).contains("\"ContributionRetracted\"").contains("Coded to Bea; it was Ann who agreed");
        screenshot("timeline-turn-retracted");

        open("timeline.html?project=" + DEMO + "&hide=" + hide);
        rendered();
        browser.findElement(By.cssSelector("#events tbody tr th button")).click();
        visible(By.cssSelector("#event-details-body dl"));
        assertThat(browser.findElements(By.id("correct-event"))).isEmpty();
    }

    /**
     * A wrong coding of a reflection is corrected where the timeline shows it: coded again with the
     * right codes, dated as the wrong one, so the right codes hold at every date; and the chart
     * downloads as a PNG (issue 23).
     */
    @Test
    void givenACodingChosen_aRecorderCodesTheReflectionAgainAndTheChartDownloadsAsPng() {
        String project = newTeam(
                "browser-timeline-recode", "Codings on the timeline", new String[] {"ann", "Ann Archer", "ACADEMIC"});
        created(
                "/api/projects/" + project + "/reflections",
                java.util.Map.of(
                        "reflectionId",
                        "r-1",
                        "authorId",
                        "ann",
                        "text",
                        "The payment talk went well",
                        "visibility",
                        "TEAM",
                        "occurredAt",
                        "2024-01-05",
                        "transcribed",
                        true));
        created(
                "/api/projects/" + project + "/reflections/r-1/codes",
                java.util.Map.of(
                        "codes", List.of("recruitment"), "codedBy", "ann", "occurredAt", "2024-01-06T10:00:00Z"));
        String hide =
                EVENT_TYPES.stream().filter(t -> !t.equals("ReflectionCoded")).collect(Collectors.joining(","));

        open("timeline.html?project=" + project + "&hide=" + hide);
        rendered();
        assertThat(browser.findElement(By.id("events")).getText())
                .as("a reflection is named by its author and day, not by its id")
                .contains("Ann Archer's reflection of 2024-01-05 coded: recruitment")
                .doesNotContain("r-1");
        browser.executeScript(
                "window.saved = []; HTMLAnchorElement.prototype.click = function () { window.saved.push(this.download + ' ' + this.href.slice(0, 22)); };");
        browser.findElement(By.id("timeline-png")).click();
        assertThat(browser.executeScript("return window.saved"))
                .asList()
                .containsExactly(project + "-timeline.png data:image/png;base64,");

        browser.findElement(By.cssSelector("#events tbody tr th button")).click();
        WebElement codes = visible(By.id("recode-codes"));
        assertThat(codes.getAttribute("value")).isEqualTo("recruitment");
        codes.clear();
        codes.sendKeys("payment, fairness");
        browser.findElement(By.cssSelector("#recode-reflection button[type=submit]"))
                .click();
        org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "coded again");
        waiting().until(d -> d.findElements(By.cssSelector("#events tbody tr")).size() == 2);

        JsonNode codings =
                http.getForObject("/api/projects/" + project + "/timeline?type=ReflectionCoded", JsonNode.class);
        assertThat(codings.path("entries"))
                .extracting(e ->
                        e.path("occurredAt").asText() + " " + e.path("data").path("codes"))
                .containsExactly(
                        "2024-01-06T10:00:00Z [\"recruitment\"]", "2024-01-06T10:00:00Z [\"payment\",\"fairness\"]");
        screenshot("timeline-recoded");
        browser.findElement(By.cssSelector("#events tbody tr th button")).click();
        assertThat(visible(By.id("recode-replaced")).getText()).contains("replaced, at every date");
    }

    @Test
    void givenADateAndARecordDay_thenThePageShowsExactlyTheEventsTheExportHoldsForThem() {
        open("timeline.html?project=" + DEMO);
        rendered();

        browser.executeScript(
                "document.getElementById('asOf').value = arguments[0];"
                        + "document.getElementById('knownAt').value = arguments[0];",
                DAY);
        browser.findElement(By.cssSelector("form.time-controls button[type=submit]"))
                .click();

        // The demo's coordinator exports it.
        String export = http.withBasicAuth("helen-marsh", SignedInTestClients.PASSWORD)
                .getForObject(
                        "/api/projects/" + DEMO + "/events?asOf=" + END_OF_DAY + "&knownAt=" + END_OF_DAY,
                        String.class);
        long lines = Stream.of(export.split("\n")).filter(l -> !l.isBlank()).count();
        waiting().until(d -> String.valueOf(lines).equals(summary().getAttribute("data-total")));
        assertThat(browser.getCurrentUrl()).contains("asOf=" + DAY).contains("knownAt=" + DAY);
        screenshot("timeline-as-of");
    }

    private String rendered() {
        return waiting().until(d -> browser.findElement(By.tagName("body")).getAttribute("data-rendered-ms"));
    }

    private void perf(long events, String renderedMs, String which) {
        webPerf("web-perf: timeline first render, navigation start to chart and list drawn, " + events + " events: "
                + renderedMs + " ms (" + which + "; steps in ms since navigation start: " + timings() + ")");
    }

    /** Milliseconds since navigation start at each step of the first render, as the page noted them. */
    private String timings() {
        return browser.findElement(By.tagName("body")).getAttribute("data-timings");
    }

    private WebElement summary() {
        return browser.findElement(By.id("timeline-summary"));
    }
}
