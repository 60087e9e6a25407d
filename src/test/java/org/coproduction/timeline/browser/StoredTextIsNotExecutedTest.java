package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.coproduction.timeline.testing.StoredMarkup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 20, "Stored text is never executed", on every page: a project whose free texts all hold a
 * script element and an image whose error handler sets {@code window.__xss} and opens an alert
 * ({@link StoredMarkup}, recorded through the API). Each page shows the texts as text, and after it
 * has drawn them no alert is open, {@code window.__xss} is unset, and the page holds no image,
 * inline script, object, event-handler attribute or {@code javascript:} URL (nothing a
 * Content-Security-Policy without 'unsafe-inline' would refuse). The timeline's and the
 * participation page's chart tooltips (ECharts writes them as HTML) are shown and checked too.
 */
class StoredTextIsNotExecutedTest extends BrowserTest {

    private static final String PAYLOAD =
            "<script>window.__xss='script';alert(1)</script><img src=x onerror=\"window.__xss='img';alert(1)\">";

    /** What a page must never hold: markup from the record, or what a strict CSP would refuse. */
    private static final String FORBIDDEN =
            """
            const found = [];
            for (const e of document.querySelectorAll('img, script:not([src]), object, embed, iframe:not(#report-frame)')) {
              found.push(e.outerHTML.slice(0, 80));
            }
            for (const e of document.querySelectorAll('*')) {
              for (const a of e.attributes) {
                if (a.name.toLowerCase().startsWith('on')) found.push(`${e.tagName} ${a.name}`);
                if (/^\\s*javascript:/i.test(a.value) && ['href', 'src', 'action', 'formaction'].includes(a.name)) {
                  found.push(`${e.tagName} ${a.name}=${a.value}`);
                }
              }
            }
            return found;
            """;

    private final StoredMarkup project =
            new StoredMarkup("browser-xss-" + UUID.randomUUID().toString().substring(0, 8), PAYLOAD);

    @BeforeAll
    void recordAProjectFullOfMarkup() {
        project.record(http);
    }

    @AfterEach
    void nothingRan() {
        assertNoScriptRan();
    }

    @Test
    void projectsPage() {
        open("");

        WebElement table = visible(By.id("projects"));
        waiting().until(d -> table.getText().contains(project.title()));
    }

    @Test
    void timelineWithItsListDetailsAndTooltip() {
        open("timeline.html?project=" + project.projectId());
        waiting().until(d -> browser.findElement(By.tagName("body")).getAttribute("data-rendered-ms") != null);

        assertThat(visible(By.id("events")).getText())
                .contains("Project registered: " + project.title())
                .contains("Phase started: " + project.phase())
                .contains(project.meeting() + " (Team), 2 attending")
                .contains(project.member() + " proposed: " + project.decision())
                .contains("Decided (Consensus): " + project.outcome())
                .contains(project.said());
        assertThat(browser.findElement(By.id("filter-member")).getAttribute("textContent"))
                .contains(project.member());
        assertThat(browser.findElement(By.id("zoom-phase")).getAttribute("textContent"))
                .contains(project.phase());

        // Choosing an event in the list opens its details and shows its mark's tooltip.
        choose("Decision proposed");
        waiting().until(d -> tooltip().contains(project.member()));
        assertThat(details()).contains(project.decision());
        choose("Reflection written");
        assertThat(waitForDetails(project.reflection())).contains(project.reflection());
        choose("Interview recorded");
        assertThat(waitForDetails(project.interview())).contains(project.interview());
        choose("Influence recorded");
        assertThat(waitForDetails(project.note())).contains(project.note());
        screenshot("stored-text-timeline");
    }

    @Test
    void replay() {
        open("replay.html?project=" + project.projectId() + "&phase=p-1");

        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("phase-heading"), "Phase 2 of 2: " + project.phase()));
        assertThat(visible(By.id("team-table")).getText()).contains(project.member());
        assertThat(visible(By.id("decisions")).getText())
                .contains(project.decision())
                .contains(project.outcome())
                .contains(project.member());
    }

    @Test
    void decisionsAndOneDecision() {
        open("decisions.html?project=" + project.projectId());

        assertThat(visible(By.id("decisions")).getText())
                .contains(project.decision())
                .contains(project.outcome())
                .contains(project.member());
        assertNoScriptRan();

        open("decisions.html?project=" + project.projectId() + "&decision=d-1");
        assertThat(visible(By.id("decision-facts")).getText())
                .contains(project.decision())
                .contains(project.outcome())
                .contains(project.member());
        assertThat(visible(By.id("influencers")).getText()).contains(project.member());
        assertThat(visible(By.id("history")).getText()).contains(project.note());
    }

    @Test
    void participationWithTheDefaultTooltip() {
        open("participation.html?project=" + project.projectId() + "&member=ann");

        assertThat(visible(By.id("involvement")).getText()).contains(project.phase());
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#trajectory-chart figcaption"), project.member() + ", phase by phase"));
        assertThat(browser.findElement(By.id("member")).getAttribute("textContent"))
                .contains(project.member());
        // ECharts' own tooltip names the window (a phase name) in HTML it writes itself.
        visible(By.cssSelector("#share-chart .chart svg"));
        browser.executeScript("echarts.getInstanceByDom(document.querySelector('#share-chart .chart'))"
                + ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});");
        waiting().until(d -> tooltip("#share-chart .chart").contains(project.phase()));
    }

    @Test
    void recordPage() {
        open("record.html?project=" + project.projectId());

        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("main"), "Recording for “" + project.title() + "”"));
        visible(By.id("record-forms"));
        assertThat(browser.findElement(By.id("propose-decision-proposedBy")).getAttribute("textContent"))
                .contains(project.member());
        assertThat(browser.findElement(By.id("record-influence-decisionId")).getAttribute("textContent"))
                .contains(project.decision());
        assertThat(browser.findElement(By.id("write-reflection-meetingId")).getAttribute("textContent"))
                .contains(project.meeting());
    }

    @Test
    void meetingToChooseAndToCode() {
        open("meeting.html?project=" + project.projectId());

        assertThat(visible(By.id("existing-meeting")).getAttribute("textContent"))
                .contains(project.meeting());
        assertThat(visible(By.id("new-meeting")).getText()).contains(project.member());
        assertNoScriptRan();

        open("meeting.html?project=" + project.projectId() + "&meeting=m-1");
        assertThat(visible(By.id("meeting-heading")).getText()).contains(project.meeting());
        assertThat(visible(By.cssSelector("button.speaker[data-member='ann']")).getText())
                .contains(project.member());
        assertThat(browser.findElement(By.id("decision-under-discussion")).getAttribute("textContent"))
                .contains(project.decision());
    }

    @Test
    void reportInItsFrame() {
        open("report.html?project=" + project.projectId());

        WebElement frame = visible(By.id("report-frame"));
        assertThat(frame.getAttribute("sandbox")).doesNotContain("allow-scripts");
        browser.switchTo().frame(frame);
        try {
            assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Lifecycle report: " + project.title());
            assertThat(browser.findElements(By.cssSelector("script, img, iframe, object, embed")))
                    .isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains(project.phase())
                    .contains(project.member())
                    .contains(project.decision());
            // A decision's outcome is printed in the full evidence appendix (StoredTextInReportsTest reads it there).
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    /** No alert open, window.__xss unset, and nothing on the page that markup from the record could have made. */
    private void assertNoScriptRan() {
        assertThatThrownBy(() -> browser.switchTo().alert())
                .as("an alert is open")
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.executeScript("return window.__xss === undefined ? null : String(window.__xss)"))
                .as("window.__xss")
                .isNull();
        assertThat((List<?>) browser.executeScript(FORBIDDEN)).isEmpty();
    }

    /** Clicks the list's first row of that event type, which opens its details and its mark's tooltip. */
    private void choose(String eventType) {
        browser.findElement(
                        By.xpath("//table[@id='events']//tr[td[1][normalize-space()='" + eventType + "']]/th/button"))
                .click();
    }

    private String waitForDetails(String text) {
        waiting().until(d -> details().contains(text));
        return details();
    }

    private String details() {
        return browser.findElement(By.id("event-details-body")).getText();
    }

    private String tooltip() {
        return tooltip("#timeline-chart");
    }

    /** The text of the ECharts tooltip in the chart's box (its div with ECharts' z-index), or "". */
    private String tooltip(String chart) {
        Object text = browser.executeScript(
                "const tip = [...document.querySelectorAll(arguments[0] + ' div')]"
                        + ".find((d) => d.style.zIndex === '9999999' && d.style.display !== 'none');"
                        + "return tip ? tip.textContent : '';",
                chart);
        return String.valueOf(text);
    }
}
