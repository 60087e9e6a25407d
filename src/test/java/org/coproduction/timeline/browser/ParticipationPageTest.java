package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
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

    /** Every chart saves as SVG and as PNG from buttons under it (the downloads are caught in the page). */
    @Test
    void aChartDownloadsAsSvgAndAsPng() {
        open("participation.html?project=" + DEMO);
        visible(By.cssSelector("#share-chart .chart svg"));
        browser.executeScript(
                """
                window.saved = [];
                const blobs = new Map();
                const objectUrl = URL.createObjectURL;
                URL.createObjectURL = (blob) => { const url = objectUrl(blob); blobs.set(url, blob); return url; };
                HTMLAnchorElement.prototype.click = function () {
                  const b = blobs.get(this.href);
                  window.saved.push({ name: this.download, type: b ? b.type : 'none', size: b ? b.size : 0 });
                  if (b && b.type === 'image/png') window.png = b;
                };
                """);
        for (WebElement button : browser.findElements(By.cssSelector("#share-chart .chart-downloads button"))) {
            button.click();
        }
        waiting().until(d -> ((Number) browser.executeScript("return window.saved.length")).intValue() == 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> saved = (List<Map<String, Object>>) browser.executeScript("return window.saved");
        assertThat(saved)
                .extracting(f -> f.get("name") + " " + f.get("type"))
                .containsExactlyInAnyOrder("share-chart.svg image/svg+xml", "share-chart.png image/png");
        assertThat(saved).allSatisfy(f -> assertThat(((Number) f.get("size")).longValue())
                .isGreaterThan(2_000));
        // The PNG, kept beside the screenshots for review.
        String png = (String)
                browser.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                const reader = new FileReader();
                reader.onload = () => done(reader.result.slice(reader.result.indexOf(',') + 1));
                reader.readAsDataURL(window.png);
                """);
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "screenshots", "share-chart-download.png"),
                    java.util.Base64.getDecoder().decode(png));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
