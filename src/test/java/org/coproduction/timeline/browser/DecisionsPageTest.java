package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Decisions: the list, and "who influenced this decision at a date" on the demo's d-43, whose
 * lived-experience influence was coded to Samuel Osei and corrected to Gareth Lloyd 61 days later
 * (docs/time.md): the page shows what the API answers for the same (asOf, knownAt), before and
 * after the correction.
 */
class DecisionsPageTest extends BrowserTest {

    private static final String DECISION = "d-43";
    private static final String AS_OF = "2022-08-01";
    private static final String BEFORE_CORRECTION = "2022-08-01";
    private static final String AFTER_CORRECTION = "2022-10-01";

    @Autowired
    EventProcessingConfiguration processing;

    /**
     * A decision proposed a moment ago is on the list: while the read model is still taking it in
     * the page says it is catching up (the API's 503 with Retry-After) and fills in once it has,
     * never showing a list without it (issue 23, trap 6).
     */
    @Test
    void aDecisionJustProposedIsListedOnceTheReadModelHasItAndThePageSaysItIsCatchingUp() {
        String project = newTeam("browser-catching-up", "Catching up", new String[] {"ann", "Ann Archer", "ACADEMIC"});
        StreamingEventProcessor influence = processing
                .eventProcessor("influence", StreamingEventProcessor.class)
                .orElseThrow();
        influence.shutDown();
        try {
            created(
                    "/api/projects/" + project + "/decisions",
                    Map.of(
                            "decisionId",
                            "d-new",
                            "title",
                            "Where to recruit",
                            "proposedBy",
                            "ann",
                            "occurredAt",
                            "2024-01-03"));
            open("decisions.html?project=" + project);
            waiting().until(d -> d.findElement(By.id("status")).getText().contains("catching up"));
            assertThat(browser.findElements(By.cssSelector("#decisions tbody tr")))
                    .isEmpty();
        } finally {
            influence.start();
        }
        WebElement row = visible(By.cssSelector("#decisions tbody tr"));
        assertThat(row.getText()).contains("Where to recruit");
        assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("catching up");
    }

    /**
     * Correcting an influence where it is shown: a recorder retracts it with a reason, which stays
     * in the decision's history; the influence no longer counts (issue 23, corrections).
     */
    @Test
    void anInfluenceIsRetractedWithItsReasonFromTheDecisionsPage() {
        String project =
                newTeam("browser-correct", "Corrections", new String[] {"ann", "Ann Archer", "ACADEMIC"}, new String[] {
                    "bea", "Bea Brown", "SERVICE_USER"
                });
        created(
                "/api/projects/" + project + "/decisions",
                Map.of(
                        "decisionId",
                        "d-1",
                        "title",
                        "Where to recruit",
                        "proposedBy",
                        "ann",
                        "occurredAt",
                        "2024-01-03"));
        created(
                "/api/projects/" + project + "/decisions/d-1/influences",
                Map.of("influenceId", "i-1", "memberId", "bea", "kind", "SUPPORTED", "occurredAt", "2024-01-04"));

        open("decisions.html?project=" + project + "&decision=d-1");
        visible(By.cssSelector("#evidence tr[data-influence-id='i-1'] button[data-correct='i-1']"))
                .click();
        browser.findElement(By.cssSelector("#retract-influence button[type=submit]"))
                .click();
        assertThat(visible(By.cssSelector("#retract-influence .field-error[data-field='reason']"))
                        .getText())
                .contains("Say why");

        browser.findElement(By.id("retract-influence-reason"))
                .sendKeys("Coded to the wrong person: it was Ann who agreed");
        browser.findElement(By.cssSelector("#retract-influence button[type=submit]"))
                .click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), "The influence is retracted"));

        assertThat(browser.findElements(By.cssSelector("#evidence tr[data-influence-id='i-1']")))
                .isEmpty();
        assertThat(visible(By.id("history")).getText()).contains("Coded to the wrong person: it was Ann who agreed");
        JsonNode influencers = http.getForObject(
                        "/api/projects/" + project + "/decisions/d-1/influencers", JsonNode.class)
                .path("influencers");
        assertThat(influencers).extracting(i -> i.path("memberId").asText()).containsExactly("ann");
        screenshot("decision-influence-retracted");
    }

    /**
     * A recorder revises a made decision's outcome on its page, from the day it was made (a
     * correction of the outcome recorded): the outcome in force is the new one, and the history keeps
     * the earlier outcome and the reason (issue 23).
     */
    @Test
    void aRecorderRevisesTheOutcomeOnTheDecisionsPage() {
        String project = newTeam("browser-revise", "Revisions", new String[] {"ann", "Ann Archer", "ACADEMIC"});
        created(
                "/api/projects/" + project + "/decisions",
                Map.of("decisionId", "d-1", "title", "How to pay", "proposedBy", "ann", "occurredAt", "2024-01-03"));
        created(
                "/api/projects/" + project + "/decisions/d-1/outcome",
                Map.of(
                        "outcome", "Pay in vouchers",
                        "method", "CONSENSUS",
                        "decidedBy", List.of("ann"),
                        "occurredAt", "2024-01-05T12:00:00Z"));

        open("decisions.html?project=" + project + "&decision=d-1");
        WebElement outcome = visible(By.id("revise-outcome"));
        assertThat(outcome.getAttribute("value")).isEqualTo("Pay in vouchers");
        outcome.clear();
        outcome.sendKeys("Pay at the hourly rate, by bank transfer");
        browser.findElement(By.id("revise-reason"))
                .sendKeys("The minutes say bank transfer; vouchers was a typing slip");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('revise-occurredAt').value = '2024-01-05'");
        browser.findElement(By.cssSelector("#revise-decision button[type=submit]"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "The outcome is revised"));

        assertThat(visible(By.id("decision-facts")).getText()).contains("Pay at the hourly rate, by bank transfer");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("Pay in vouchers")
                .contains("vouchers was a typing slip");
        JsonNode asMade = http.getForObject(
                "/api/projects/" + project + "/decisions/d-1/influencers?asOf=2024-01-05T12:00:00Z", JsonNode.class);
        assertThat(asMade.path("outcome").asText())
                .as(asMade.toString())
                .isEqualTo("Pay at the hourly rate, by bank transfer");
        screenshot("decision-revised");
    }

    @Test
    void listsEveryDecisionWithItsStatusAndInfluencerCount() {
        open("decisions.html?project=" + DEMO);

        WebElement table = visible(By.id("decisions"));

        JsonNode api = http.getForObject("/api/projects/" + DEMO + "/decisions", JsonNode.class)
                .get("decisions");
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(api.size());
        WebElement row = table.findElement(By.xpath(".//tr[.//*[text()='" + DECISION + "']]"));
        JsonNode d43 = null;
        for (JsonNode d : api) {
            if (d.get("decisionId").asText().equals(DECISION)) {
                d43 = d;
            }
        }
        assertThat(row.getText()).contains(d43.get("title").asText());
        assertThat(row.findElements(By.tagName("td")).get(5).getText())
                .isEqualTo(d43.get("influencers").asText());
        screenshot("decisions");
    }

    @Test
    void givenTheTimeControlsSet_thenTheInfluencersShownAreTheApisForTheSameTimes_beforeAndAfterTheCorrection() {
        open("decisions.html?project=" + DEMO + "&decision=" + DECISION);
        visible(By.id("decision-facts"));

        setTime(AS_OF, BEFORE_CORRECTION);
        Map<String, Set<String>> before = shownEvidence();
        assertThat(before).isEqualTo(apiEvidence(AS_OF, BEFORE_CORRECTION));
        screenshot("decision-before-correction");

        setTime(AS_OF, AFTER_CORRECTION);
        Map<String, Set<String>> after = shownEvidence();
        assertThat(after).isEqualTo(apiEvidence(AS_OF, AFTER_CORRECTION));
        screenshot("decision-after-correction");

        assertThat(before.get("samuel-osei")).contains("i-0220");
        assertThat(after.get("samuel-osei")).doesNotContain("i-0220");
        assertThat(after.get("gareth-lloyd")).contains("i-0407");
        assertThat(before.get("gareth-lloyd")).doesNotContain("i-0407");
        assertThat(browser.findElement(By.cssSelector("#history tr[data-influence-id='i-0220']"))
                        .getAttribute("class"))
                .contains("retracted");
    }

    @Test
    void offersTheProvenanceForThePagesTimesAsAFileDownload() {
        open("decisions.html?project=" + DEMO + "&decision=" + DECISION + "&asOf=" + AS_OF + "&knownAt="
                + AFTER_CORRECTION);

        WebElement link = visible(By.id("prov-download"));

        assertThat(link.getAttribute("download")).isEqualTo(DEMO + "-" + DECISION + "-provenance.json");
        String href = link.getAttribute("href");
        assertThat(href).contains("/decisions/" + DECISION + "/provenance").contains("asOf=" + AS_OF + "T");
        ResponseEntity<JsonNode> prov =
                http.exchange(URI.create(href.substring(href.indexOf("/api/"))), HttpMethod.GET, null, JsonNode.class);
        assertThat(prov.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(prov.getBody().has("prefix")).isTrue();
        assertThat(prov.getBody().toString()).contains("i-0407").doesNotContain("i-0220");
    }

    private void setTime(String asOf, String knownAt) {
        String before = browser.findElement(By.tagName("body")).getAttribute("data-loaded");
        browser.executeScript(
                "document.getElementById('asOf').value = arguments[0];"
                        + "document.getElementById('knownAt').value = arguments[1];",
                asOf,
                knownAt);
        browser.findElement(By.cssSelector("form.time-controls button[type=submit]"))
                .click();
        waiting().until(d -> {
            String loaded = browser.findElement(By.tagName("body")).getAttribute("data-loaded");
            return loaded != null
                    && !loaded.equals(before)
                    && loaded.contains("asOf=" + asOf)
                    && loaded.contains("knownAt=" + knownAt);
        });
    }

    /** Member id to the influence ids of their evidence ("proposal" for the proposal), as the page shows them. */
    private Map<String, Set<String>> shownEvidence() {
        Map<String, Set<String>> shown = new TreeMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#evidence tbody tr"))) {
            shown.computeIfAbsent(row.getAttribute("data-member-id"), k -> new TreeSet<>())
                    .add(row.getAttribute("data-influence-id"));
        }
        assertThat(browser.findElements(By.cssSelector("#influencers tbody tr")))
                .hasSize(shown.size());
        return shown;
    }

    private Map<String, Set<String>> apiEvidence(String asOf, String knownAt) {
        JsonNode answer = http.getForObject(
                "/api/projects/" + DEMO + "/decisions/" + DECISION + "/influencers?asOf=" + asOf
                        + "T23:59:59.999999999Z&knownAt=" + knownAt + "T23:59:59.999999999Z",
                JsonNode.class);
        Map<String, Set<String>> evidence = new TreeMap<>();
        for (JsonNode influencer : answer.get("influencers")) {
            for (JsonNode item : influencer.get("evidence")) {
                evidence.computeIfAbsent(influencer.get("memberId").asText(), k -> new TreeSet<>())
                        .add(item.has("influenceId") ? item.get("influenceId").asText() : "proposal");
            }
        }
        return evidence;
    }
}
