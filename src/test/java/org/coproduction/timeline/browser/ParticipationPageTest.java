package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Participation: the charts are drawn and the involvement matrix is the API's, cell by cell. */
class ParticipationPageTest extends BrowserTest {

    @Test
    void showsTheChartsAndTheInvolvementMatrixOfTheApi() {
        JsonNode windows = http.getForObject("/api/projects/" + DEMO + "/participation?by=phase", JsonNode.class)
                .path("windows");
        open("participation.html?project=" + DEMO);
        visible(By.id("involvement"));

        for (String chart : new String[] {"share-chart", "voice-chart", "influence-chart", "equality-chart"}) {
            visible(By.cssSelector("#" + chart + " .chart svg"));
        }
        int cells = 0;
        for (JsonNode window : windows) {
            var involvement = window.path("involvement").properties();
            for (var level : involvement) {
                WebElement cell = browser.findElement(By.cssSelector("#involvement span[data-window='"
                        + window.path("key").asText() + "'][data-perspective='" + level.getKey() + "']"));
                assertThat(cell.getText())
                        .isEqualTo(ReplayPageTest.label(level.getValue().asText()));
                cells++;
            }
        }
        assertThat(cells).isGreaterThan(windows.size());
        assertThat(browser.findElements(By.cssSelector("#involvement thead th")))
                .hasSize(windows.size() + 1);

        WebElement explained = browser.findElement(By.id("measures-explained"));
        explained.findElement(By.tagName("summary")).click();
        assertThat(explained.getText())
                .contains("Gini")
                .contains("0 means everyone said as much as everyone else")
                .contains("Voice ratio");
        assertThat(browser.findElement(By.id("participation")).getText())
                .doesNotContain("COLLABORATED")
                .doesNotContain("SERVICE_USER");

        new Select(browser.findElement(By.id("member"))).selectByValue("aisha-karim");
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#trajectory figcaption"), "Aisha"));
        visible(By.cssSelector("#trajectory-chart .chart svg"));
        screenshot("participation");
    }

    /** The demo was closed on 31 January 2024: its last phase ran until then, not "now". */
    @Test
    void aClosedProjectsLastPhaseEndsAtItsClosure() {
        JsonNode windows = http.getForObject("/api/projects/" + DEMO + "/participation?by=phase", JsonNode.class)
                .path("windows");
        String last = windows.path(windows.size() - 1).path("name").asText();
        open("participation.html?project=" + DEMO);

        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#decision-table tbody tr")).stream()
                .filter(r -> r.getText().startsWith(last))
                .findFirst()
                .orElse(null));
        assertThat(row.getText()).contains("to 2024-01-31 (closure)").doesNotContain("now");

        open("participation.html?project=" + DEMO + "&asOf=2023-12-31");
        WebElement running = waiting().until(d -> d.findElements(By.cssSelector("#decision-table tbody tr")).stream()
                .filter(r -> r.getText().startsWith(last))
                .findFirst()
                .orElse(null));
        assertThat(running.getText()).contains("to now");
    }

    /** The page's CSV link downloads the figures it shows: a row per window and member, as the API's JSON. */
    @Test
    void theFiguresDownloadAsCsvFromThePage() {
        JsonNode windows = http.getForObject("/api/projects/" + DEMO + "/participation?by=quarter", JsonNode.class)
                .path("windows");
        int members = 0;
        for (JsonNode w : windows) {
            members += w.path("members").size();
        }
        open("participation.html?project=" + DEMO + "&by=quarter");
        WebElement download = visible(By.xpath("//a[contains(@class,'download') and contains(., 'window by window')]"));
        String href = download.getAttribute("href");
        assertThat(href).contains("format=csv").contains("by=quarter");

        var csv = http.getForEntity(href.substring(href.indexOf("/api/")), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getBody().split("\r\n")).hasSize(members + 1);
        assertThat(csv.getBody()).startsWith("windowKey,window,start,end,");
    }

    @Test
    void byMonthThereIsAWindowPerMonth() {
        int months = http.getForObject("/api/projects/" + DEMO + "/participation?by=month", JsonNode.class)
                .path("windows")
                .size();
        open("participation.html?project=" + DEMO + "&by=month");

        waiting()
                .until(d ->
                        d.findElements(By.cssSelector("#involvement thead th")).size() == months + 1);

        assertThat(browser.findElements(By.cssSelector("#decision-table tbody tr")))
                .hasSize(months);
    }
}
