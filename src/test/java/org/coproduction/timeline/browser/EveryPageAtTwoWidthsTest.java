package org.coproduction.timeline.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page at a desktop's width (1400 px) and a phone's (390 px; observers code meetings on
 * tablets and phones): nothing wider than the window (a wide table scrolls in its own box), no card
 * of a form lying over another, no serious or critical accessibility violation found by axe-core
 * (WCAG 2.1 A and AA rules), and a screenshot of each for review (issue 23, trap 4). Logs the time
 * from navigation to each page's first content as {@code web-perf: page ... first render}.
 */
class EveryPageAtTwoWidthsTest extends BrowserTest {

    private static final int[] WIDTHS = {1400, 390};

    /** A page: its address, the element that says its content is there, and a name for its screenshot. */
    private record Page(String name, String path, By ready) {}

    private String project;

    /**
     * A project the tests' administrator coordinates (the demo is only viewed), with long names in
     * its pickers: a long select was what pushed one form over another.
     */
    @BeforeAll
    void aProjectWithLongNames() {
        project = newTeam(
                "layout",
                "Layout at two widths",
                new String[] {"ann", "Ann Archer-Fitzwilliam de la Tour", "ACADEMIC"},
                new String[] {"bea", "Beatriz Gonçalves Nascimento", "SERVICE_USER"},
                new String[] {"cal", "Callum MacGillivray", "CARER"});
        created(
                "/api/projects/" + project + "/decisions",
                Map.of(
                        "decisionId",
                        "d-1",
                        "title",
                        "Whether the peer researchers are paid at the same hourly rate as the academic"
                                + " researchers for every hour of analysis, training and dissemination work",
                        "proposedBy",
                        "bea",
                        "occurredAt",
                        "2024-01-03"));
        created(
                "/api/projects/" + project + "/meetings",
                Map.of(
                        "meetingId",
                        "m-1",
                        "title",
                        "Analysis workshop",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("ann", "bea", "cal"),
                        "occurredAt",
                        "2024-01-04T10:00:00Z"));
    }

    @Test
    void everyPageFitsItsWindowAt1400AndAt390PixelsWide() {
        List<Page> pages = List.of(
                new Page("projects", "index.html", By.id("projects")),
                new Page("timeline", "timeline.html?project=" + DEMO, By.cssSelector("body[data-rendered-ms]")),
                new Page("replay", "replay.html?project=" + DEMO, By.cssSelector("#perspective-chart svg")),
                new Page("decisions", "decisions.html?project=" + DEMO, By.id("decisions")),
                new Page("decision", "decisions.html?project=" + DEMO + "&decision=d-43", By.id("influencers")),
                new Page("participation", "participation.html?project=" + DEMO, By.id("involvement")),
                new Page("report", "report.html?project=" + DEMO, By.id("report-frame")),
                new Page("codebook", "codebook.html?project=" + DEMO, By.id("codes")),
                new Page("texts", "texts.html?project=" + DEMO, By.id("text-body")),
                new Page("access", "access.html?project=" + DEMO, By.id("audit")),
                new Page("admin", "admin.html", By.id("accounts")),
                new Page("record", "record.html?project=" + project, By.id("record-forms")),
                new Page("meeting-setup", "meeting.html?project=" + project, By.id("new-meeting")),
                new Page("meeting-live", "meeting.html?project=" + project + "&meeting=m-1", By.id("meeting-heading")),
                new Page(
                        "transcript", "transcript.html?project=" + project + "&meeting=m-1", By.id("transcript-file")));
        Dimension before = browser.manage().window().getSize();
        SoftAssertions softly = new SoftAssertions();
        try {
            for (int width : WIDTHS) {
                browser.manage().window().setSize(new Dimension(width, 900));
                for (Page page : pages) {
                    open(page.path());
                    new WebDriverWait(browser, PATIENCE, Duration.ofMillis(10))
                            .until(d -> !d.findElements(page.ready()).isEmpty()
                                    && d.findElement(page.ready()).isDisplayed());
                    double rendered = ((Number) browser.executeScript("return performance.now()")).doubleValue();
                    webPerf(String.format(
                            Locale.ROOT,
                            "web-perf: page %s at %d px, first render %.0f ms",
                            page.name(),
                            width,
                            rendered));
                    assertNothingWiderThanTheWindow(softly, page, width);
                    assertNoFormCardOverAnother(softly, page, width);
                    // the report's frame holds the whole demo report (30 s of axe's time): checked once, at 1400 px
                    assertNoSeriousAccessibilityViolation(
                            softly, page.name() + " at " + width + " px", width == WIDTHS[0]);
                    screenshot("page-" + page.name() + "-" + width);
                }
            }
        } finally {
            browser.manage().window().setSize(before);
        }
        softly.assertAll();
    }

    private void assertNothingWiderThanTheWindow(SoftAssertions softly, Page page, int width) {
        @SuppressWarnings("unchecked")
        List<String> wider = (List<String>)
                browser.executeScript(
                        """
                const limit = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= limit + 1) return [];
                return [...document.querySelectorAll('body *')]
                  .filter((e) => e.getBoundingClientRect().right > limit + 1 && e.getClientRects().length)
                  .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > limit + 1))
                  .slice(0, 5)
                  .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''} to ${Math.round(e.getBoundingClientRect().right)} px`);
                """);
        softly.assertThat(wider)
                .as("%s at %d px: elements past the window's right edge", page.name(), width)
                .isEmpty();
    }

    /** The sign-in page, the first a newcomer meets, signed out. */
    @Test
    void theSignInPageHasNoSeriousAccessibilityViolation() {
        browser.manage().deleteAllCookies();
        try {
            open("login.html");
            visible(By.id("username"));
            SoftAssertions softly = new SoftAssertions();
            assertNoSeriousAccessibilityViolation(softly, "sign-in page", true);
            softly.assertAll();
        } finally {
            signIn(SignedInTestClients.USERNAME, SignedInTestClients.PASSWORD);
        }
    }

    /**
     * axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violation that axe rates
     * serious or critical (what blocks or seriously hinders a person using a screen reader, a keyboard
     * or a magnifier), in the page and, with {@code withFrames}, in its frames. Each one found is named with its rule, the elements and axe's help text.
     */
    private void assertNoSeriousAccessibilityViolation(SoftAssertions softly, String where, boolean withFrames) {
        AxeBuilder axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        if (!withFrames) {
            axe.disableIframeTesting();
        }
        Results results = axe.analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .limit(3)
                                .map(node -> String.valueOf(node.getTarget()))
                                .toList())
                .toList();
        softly.assertThat(serious)
                .as("%s: serious or critical accessibility violations (axe-core)", where)
                .isEmpty();
    }

    private void assertNoFormCardOverAnother(SoftAssertions softly, Page page, int width) {
        @SuppressWarnings("unchecked")
        List<String> overlaps = (List<String>)
                browser.executeScript(
                        """
                const cards = [...document.querySelectorAll('.record-form, .setup > section, .card')];
                const found = [];
                for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) {
                  const a = cards[i].getBoundingClientRect(), b = cards[j].getBoundingClientRect();
                  const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (x > 1 && y > 1) found.push(`${cards[i].textContent.slice(0, 30)} / ${cards[j].textContent.slice(0, 30)}`);
                }
                return found;
                """);
        softly.assertThat(overlaps)
                .as("%s at %d px: form cards lying over one another", page.name(), width)
                .isEmpty();
    }
}
