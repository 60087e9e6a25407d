package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The live-coding screen on a project of its own (the demo's figures stay as other tests expect
 * them): a meeting of 20 turns with one undo, a reload while turns wait for a lost connection,
 * and the click-to-recorded latency, logged.
 */
class MeetingPageTest extends BrowserTest {

    private static final List<String> IPA = List.of(
            "SHOWS_SOLIDARITY",
            "SHOWS_TENSION_RELEASE",
            "AGREES",
            "GIVES_SUGGESTION",
            "GIVES_OPINION",
            "GIVES_ORIENTATION",
            "ASKS_FOR_ORIENTATION",
            "ASKS_FOR_OPINION",
            "ASKS_FOR_SUGGESTION",
            "DISAGREES",
            "SHOWS_TENSION",
            "SHOWS_ANTAGONISM");
    private static final List<String> TEAM = List.of("ann", "ben", "cal", "dee");
    private static final String CATEGORY_KEYS = "abcdefghijkl";

    @Test
    void aMeetingOf20TurnsWithOneUndoIsRecordedOnceEachThroughAReloadAndALostConnection() {
        String project = newProject();
        open("meeting.html?project=" + project);
        visible(By.id("meeting-title")).sendKeys("Team meeting recorded live");
        browser.findElement(By.cssSelector("#new-meeting button[type=submit]")).click();
        visible(By.id("coding"));
        assertThat(browser.getCurrentUrl()).contains("meeting=");
        screenshot("meeting-empty");

        List<Double> latencies = new ArrayList<>();
        List<Double> roundTrips = new ArrayList<>();
        // Turns 1-8 by clicks, each waited for.
        for (int turn = 1; turn <= 8; turn++) {
            clickTurn(turn);
            awaitRecorded(turn);
        }
        latencies.addAll(latencies(8));
        roundTrips.addAll(measured("meetingRoundTrips"));

        // Turns 9-10 while the connection is down: kept, shown as waiting, and not lost by a reload.
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        clickTurn(9);
        clickTurn(10);
        waiting()
                .until(d -> d.findElements(By.cssSelector("#turns li[data-state='queued']"))
                                .size()
                        == 2);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox"), "retrying"));
        screenshot("meeting-offline");
        browser.deleteNetworkConditions();
        browser.navigate().refresh();
        visible(By.id("coding"));
        awaitRecorded(10);
        assertThat(browser.findElements(By.cssSelector("#turns li"))).hasSize(10);

        // Turns 11-20 from the keyboard: the attendee's key, then the category's key.
        for (int turn = 11; turn <= 20; turn++) {
            new Actions(browser)
                    .sendKeys(String.valueOf(1 + (turn % TEAM.size())))
                    .sendKeys(String.valueOf(CATEGORY_KEYS.charAt(turn % IPA.size())))
                    .perform();
            awaitRecorded(turn);
        }
        latencies.addAll(latencies(10));
        roundTrips.addAll(measured("meetingRoundTrips"));

        browser.findElement(By.id("undo")).click();
        waiting()
                .until(d -> d.findElements(By.cssSelector("#turns li[data-state='retracted']"))
                                .size()
                        == 1);
        waiting().until(ExpectedConditions.attributeToBe(By.id("turn-count"), "data-coded", "19"));
        screenshot("meeting");

        assertThat(browser.findElements(By.cssSelector("#turns li"))).hasSize(20);
        JsonNode window = http.getForObject("/api/projects/" + project + "/participation?by=project", JsonNode.class)
                .path("windows")
                .path(0);
        assertThat(window.path("totalContributions").asInt()).isEqualTo(19);
        String events = http.getForObject("/api/projects/" + project + "/events", String.class);
        assertThat(count(events, "\"ContributionRecorded\"")).isEqualTo(20);
        assertThat(count(events, "\"ContributionRetracted\"")).isEqualTo(1);
        logLatencies("click to the turn shown as recorded by the server", latencies);
        logLatencies("of which the request's round trip", roundTrips);
    }

    @Test
    void aTurnCodedAfterTheSessionEndedIsKeptAndRecordedOnceThePersonHasSignedInAgain() {
        String project = newProject();
        open("meeting.html?project=" + project);
        visible(By.id("meeting-title")).sendKeys("Meeting outlasting its session");
        browser.findElement(By.cssSelector("#new-meeting button[type=submit]")).click();
        visible(By.id("coding"));
        clickTurn(1);
        awaitRecorded(1);
        String meetingPage = browser.getCurrentUrl();

        browser.manage().deleteCookieNamed("JSESSIONID");
        clickTurn(2);
        waiting().until(ExpectedConditions.urlContains("login.html"));
        visible(By.id("username")).sendKeys(SignedInTestClients.USERNAME);
        browser.findElement(By.id("password")).sendKeys(SignedInTestClients.PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        waiting().until(ExpectedConditions.urlContains(meetingPage.substring(meetingPage.indexOf("meeting.html"))));
        visible(By.id("coding"));
        awaitRecorded(2);
        String events = http.getForObject("/api/projects/" + project + "/events", String.class);
        assertThat(count(events, "\"ContributionRecorded\"")).isEqualTo(2);
    }

    @Test
    void theExactRepeatOfARecordedTurnIsAnsweredAsDoneAndRecordsNothingWhileAnotherTurnReusingTheIdIsRefused() {
        String project = newProject();
        String base = "/api/projects/" + project;
        post(
                base + "/meetings",
                Map.of(
                        "meetingId",
                        "m-1",
                        "occurredAt",
                        "2024-03-01T09:00:00Z",
                        "title",
                        "Team",
                        "kind",
                        "TEAM",
                        "attendees",
                        TEAM));
        Map<String, Object> turn = Map.of(
                "contributionId", "c-1", "occurredAt", "2024-03-01T10:00:00Z", "memberId", "ann", "category", "AGREES");
        Map<String, Object> retraction = Map.of("occurredAt", "2024-03-01T10:05:00Z", "reason", "undone");

        assertThat(post(base + "/meetings/m-1/contributions", turn).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(base + "/meetings/m-1/contributions", turn).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Map<String, Object> other = new HashMap<>(turn);
        other.put("category", "DISAGREES");
        assertThat(post(base + "/meetings/m-1/contributions", other).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(base + "/contributions/c-1/retraction", retraction).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(base + "/contributions/c-1/retraction", retraction).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        String events = http.getForObject(base + "/events", String.class);
        assertThat(count(events, "\"ContributionRecorded\"")).isEqualTo(1);
        assertThat(count(events, "\"ContributionRetracted\"")).isEqualTo(1);
    }

    /**
     * A team adds a member and records a meeting at once: the meeting's default time, now, is the
     * moment it is recorded, never a time rounded down before the member who joined a moment ago
     * (issue 23, trap 1). The member joins early in a second, so that a default cut to the minute or
     * to the second would be before them.
     */
    @Test
    void aMeetingRecordedNowRightAfterAMemberJoinedIsAccepted() throws InterruptedException {
        String project = "browser-meeting-now-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/projects", Map.of("projectId", project, "title", "Just started", "occurredAt", "2023-12-01"));
        while (Instant.now().getNano() > 50_000_000) {
            Thread.sleep(5);
        }
        post(
                "/api/projects/" + project + "/members",
                Map.of(
                        "memberId",
                        "nia",
                        "name",
                        "Nia Newcomer",
                        "role",
                        "RESEARCHER",
                        "perspectives",
                        List.of("CARER")));

        open("meeting.html?project=" + project);
        visible(By.id("meeting-title")).sendKeys("First meeting");
        browser.findElement(By.cssSelector("#new-meeting button[type=submit]")).click();

        visible(By.id("coding"));
        assertThat(browser.findElements(By.cssSelector("#new-meeting .form-errors")))
                .isEmpty();
    }

    /**
     * Any earlier turn can be undone, not only the last, and the summary of the meeting counts what
     * stands: turns per person (the silent one too) and perspective, the IPA areas, who has not spoken
     * (issue 23, the live screen for a whole meeting).
     */
    @Test
    void anEarlierTurnIsUndoneAndTheSummaryCountsWhatStands() {
        String project = newProject();
        open("meeting.html?project=" + project);
        visible(By.id("meeting-title")).sendKeys("Summarised meeting");
        browser.findElement(By.cssSelector("#new-meeting button[type=submit]")).click();
        visible(By.id("coding"));
        clickTurn(0); // ann, SHOWS_SOLIDARITY
        clickTurn(1); // ben, SHOWS_TENSION_RELEASE
        clickTurn(4); // ann, GIVES_OPINION
        awaitRecorded(3);

        // Undo ben's turn, the second of three: not the last.
        WebElement bens = browser.findElements(By.cssSelector("#turns li.turn")).get(1);
        assertThat(bens.getText()).startsWith("Ben Example");
        bens.findElement(By.cssSelector("button.undo-turn")).click();
        waiting()
                .until(d -> d.findElements(By.cssSelector("#turns li[data-state='retracted']"))
                                .size()
                        == 1);
        waiting().until(ExpectedConditions.attributeToBe(By.id("turn-count"), "data-coded", "2"));

        browser.findElement(By.cssSelector("#meeting-summary summary")).click();
        assertThat(visible(By.id("summary-silent")).getText())
                .isEqualTo("Not spoken yet: Ben Example, Cal Example, Dee Example.");
        assertThat(browser.findElement(By.id("summary-people")).getText())
                .contains("Ann Example 2 100%")
                .contains("Ben Example 0 0%");
        assertThat(browser.findElement(By.id("summary-perspectives")).getText()).contains("Service user 2 100%");
        assertThat(browser.findElement(By.id("summary-ipa")).getText())
                .contains("Positive reactions 1 50%")
                .contains("Attempted answers 1 50%");
        screenshot("meeting-summary");

        // Every kind of turn is explained in plain words, on its button and in a list.
        assertThat(browser.findElement(By.cssSelector("button.category[data-category='ASKS_FOR_OPINION']"))
                        .getAttribute("title"))
                .isEqualTo("Asks what others think or feel.");
        browser.findElement(By.cssSelector("#ipa-explained summary")).click();
        assertThat(visible(By.id("ipa-explained")).getText())
                .contains("Asks for opinion")
                .contains("Asks what others think or feel.");
    }

    /**
     * A meeting of twelve: the attendees are shown by name and keyed in that order, 1-9, 0, then m-z,
     * so no attendee's key is a category's (a-l); the twelfth, keyed n, speaks and agrees (issue 23).
     */
    @Test
    void aMeetingOfTwelveKeysItsAttendeesInTheOrderShownWithoutTheCategoriesKeys() {
        String project = newProject();
        List<String> attendees = new ArrayList<>(TEAM);
        for (String extra : List.of("zoe", "yan", "xia", "wil", "vic", "uma", "tom", "sam")) {
            post(
                    "/api/projects/" + project + "/members",
                    Map.of(
                            "memberId",
                            extra,
                            "name",
                            Character.toUpperCase(extra.charAt(0)) + extra.substring(1) + " Example",
                            "role",
                            "RESEARCHER",
                            "perspectives",
                            List.of("CARER"),
                            "occurredAt",
                            "2023-12-02"));
            attendees.add(extra);
        }
        post(
                "/api/projects/" + project + "/meetings",
                Map.of(
                        "meetingId",
                        "m-12",
                        "occurredAt",
                        "2024-03-01T09:00:00Z",
                        "title",
                        "A big meeting",
                        "kind",
                        "TEAM",
                        "attendees",
                        attendees));
        open("meeting.html?project=" + project + "&meeting=m-12");
        visible(By.id("coding"));

        List<String> shown = browser.findElements(By.cssSelector("button.speaker")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(shown)
                .containsExactly(
                        "1 Ann Example",
                        "2 Ben Example",
                        "3 Cal Example",
                        "4 Dee Example",
                        "5 Sam Example",
                        "6 Tom Example",
                        "7 Uma Example",
                        "8 Vic Example",
                        "9 Wil Example",
                        "0 Xia Example",
                        "m Yan Example",
                        "n Zoe Example");
        new Actions(browser).sendKeys("n").sendKeys("c").perform();
        awaitRecorded(1);
        assertThat(browser.findElement(By.cssSelector("#turns li.turn")).getText())
                .startsWith("Zoe Example Agrees");
        screenshot("meeting-twelve");
    }

    /**
     * A note on a turn, typed after its category (Shift with the category's key, or "Add a note
     * after each turn"): recorded with the turn as its summary, which the timeline shows the team;
     * Escape records the turn without one (issue 23).
     */
    @Test
    void aNoteTypedAfterTheCategoryIsRecordedWithTheTurn() {
        String project = newProject();
        open("meeting.html?project=" + project);
        visible(By.id("meeting-title")).sendKeys("Meeting with notes");
        browser.findElement(By.cssSelector("#new-meeting button[type=submit]")).click();
        visible(By.id("coding"));

        new Actions(browser).sendKeys("1").sendKeys("D").perform(); // Ann, a suggestion, with a note
        WebElement note = visible(By.id("turn-note-text"));
        assertThat(browser.findElement(By.id("turn-note-label")).getText())
                .isEqualTo("Note on Ann Example's turn (Gives suggestion)");
        screenshot("meeting-note-open");
        note.sendKeys("Pay peer researchers for training days\n");
        awaitRecorded(1);

        browser.findElement(By.id("ask-note")).click();
        clickTurn(1); // Ben, with a note asked for each turn, skipped with Escape
        visible(By.id("turn-note-text")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        awaitRecorded(2);
        assertThat(browser.findElement(By.id("turn-note")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#turns li.turn")).get(1).getText())
                .contains("Pay peer researchers for training days");
        screenshot("meeting-note");

        JsonNode timeline = http.getForObject("/api/projects/" + project + "/timeline?size=50", JsonNode.class);
        List<String> summaries = new ArrayList<>();
        for (JsonNode entry : timeline.path("entries")) {
            if (entry.path("type").asText().equals("ContributionRecorded")) {
                summaries.add(entry.path("data").path("summary").asText("(none)"));
            }
        }
        assertThat(summaries).containsExactlyInAnyOrder("Pay peer researchers for training days", "(none)");
        String stored = (String) browser.executeScript("return JSON.stringify(localStorage)");
        assertThat(stored)
                .as("the note leaves the browser's storage once recorded")
                .doesNotContain("training days");
    }

    /** A closed project records nothing more: the page says so, with no form that would be refused. */
    @Test
    void aClosedProjectSaysSoInsteadOfOfferingToRecordAMeeting() {
        String project = newProject();
        post("/api/projects/" + project + "/closure", Map.of("occurredAt", "2024-01-05"));

        open("meeting.html?project=" + project);

        assertThat(visible(By.id("project-closed")).getText())
                .contains("was closed on 2024-01-05")
                .contains("nothing more can be recorded");
        assertThat(browser.findElements(By.id("new-meeting"))).isEmpty();
        assertThat(browser.findElements(By.id("choose-meeting"))).isEmpty();
        screenshot("meeting-closed-project");
    }

    /** A project with a team of four who joined before 2024, so nothing here touches the demo. */
    private String newProject() {
        String project = "browser-meeting-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/projects", Map.of("projectId", project, "title", "Recorded live", "occurredAt", "2023-12-01"));
        for (String member : TEAM) {
            post(
                    "/api/projects/" + project + "/members",
                    Map.of(
                            "memberId",
                            member,
                            "name",
                            Character.toUpperCase(member.charAt(0)) + member.substring(1) + " Example",
                            "role",
                            "RESEARCHER",
                            "perspectives",
                            List.of(member.equals("ann") ? "SERVICE_USER" : "ACADEMIC"),
                            "occurredAt",
                            "2023-12-02"));
        }
        return project;
    }

    private ResponseEntity<String> post(String path, Map<String, Object> body) {
        ResponseEntity<String> answer = http.postForEntity(path, body, String.class);
        assertThat(answer.getStatusCode().value())
                .as(path + " " + answer.getBody())
                .isIn(201, 409);
        return answer;
    }

    private void clickTurn(int turn) {
        browser.findElement(By.cssSelector("button.speaker[data-member='" + TEAM.get(turn % TEAM.size()) + "']"))
                .click();
        browser.findElement(By.cssSelector("button.category[data-category='" + IPA.get(turn % IPA.size()) + "']"))
                .click();
    }

    private void awaitRecorded(int turns) {
        waiting().until(ExpectedConditions.attributeToBe(By.id("turn-count"), "data-recorded", String.valueOf(turns)));
    }

    /** The latencies the page measured since it was loaded (the page pushes each once the turn is painted). */
    private List<Double> latencies(int expected) {
        waiting()
                .until(d -> ((Number) browser.executeScript("return window.meetingLatencies.length")).intValue()
                        >= expected);
        return measured("meetingLatencies");
    }

    @SuppressWarnings("unchecked")
    private List<Double> measured(String variable) {
        return ((List<Number>) browser.executeScript("return window." + variable))
                .stream().map(Number::doubleValue).toList();
    }

    private static void logLatencies(String what, List<Double> latencies) {
        double[] sorted =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        webPerf(String.format(
                "web-perf: live coding, %s: n=%d p50=%d ms p95=%d ms max=%d ms, load average %.1f (in click order: %s)",
                what,
                sorted.length,
                Math.round(percentile(sorted, 50)),
                Math.round(percentile(sorted, 95)),
                Math.round(sorted[sorted.length - 1]),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Arrays.toString(latencies.stream().mapToLong(Math::round).toArray())));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
