package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The report page: the HTML report in the page, the other formats as downloads. */
class ReportPageTest extends BrowserTest {

    @Test
    void showsTheHtmlReportInThePage_andOffersThePdfForTheSameTimes() {
        open("report.html?project=" + DEMO + "&asOf=2022-08-01&knownAt=2022-10-01");

        WebElement frame = visible(By.id("report-frame"));
        assertThat(frame.getAttribute("src"))
                .contains("format=html")
                .contains("asOf=2022-08-01T")
                .contains("knownAt=2022-10-01T");
        browser.switchTo().frame(frame);
        String heading = visible(By.tagName("h1")).getText();
        browser.switchTo().defaultContent();
        assertThat(heading).contains("Peer Worker");

        WebElement pdf = visible(By.id("download-pdf"));
        String href = pdf.getAttribute("href");
        assertThat(href).contains("format=pdf").contains("asOf=2022-08-01T");
        assertThat(pdf.getAttribute("download")).endsWith(".pdf");
        ResponseEntity<byte[]> answer =
                http.exchange(URI.create(href.substring(href.indexOf("/api/"))), HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF))
                .isTrue();
        assertThat(new String(answer.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(browser.findElement(By.id("download-md")).getAttribute("href"))
                .contains("format=md");
        screenshot("report");

        // The page fetches a download itself, saying it is being built and then that it is saved.
        browser.findElement(By.id("download-docx")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("report is downloaded"));
        assertThat(browser.findElement(By.id("status")).getText())
                .isEqualTo("The Word report is downloaded: " + DEMO + "-report-asof-2022-08-01-known-2022-10-01.docx.");
    }

    /** A coordinator writes the team's reflections with a member as its author; the report prints it. */
    @Test
    void theTeamWritesAGripp2AnswerBesideTheReport_andTheReportPrintsIt() {
        String project =
                newTeam("gripp2", "Writing together", new String[] {"ann", "Ann Archer", "ACADEMIC"}, new String[] {
                    "sian", "Siân Llewelyn", "SERVICE_USER"
                });
        open("report.html?project=" + project);

        WebElement item = visible(By.id("gripp2-item"));
        // The panel passes axe-core's WCAG 2.1 A and AA rules (the report's frame is checked elsewhere).
        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .disableIframeTesting()
                .analyze(browser);
        assertThat(axe.getViolations())
                .filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .extracting(rule -> rule.getId() + ": " + rule.getHelp())
                .isEmpty();
        new org.openqa.selenium.support.ui.Select(item).selectByValue("reflections");
        assertThat(visible(By.id("gripp2-current")).getText()).contains("To be written by the team");
        visible(By.id("gripp2-text")).sendKeys("Evening meetings let carers come.\n\nThe glossary came too late.");
        browser.findElement(By.cssSelector("#gripp2-authors input[value='sian']"))
                .click();
        browser.findElement(By.id("gripp2-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("is saved"));
        screenshot("report-gripp2-written");

        waiting().until(d -> {
            d.switchTo().frame(d.findElement(By.id("report-frame")));
            try {
                return d.findElements(By.cssSelector("#gripp2-reflections + div.team p"))
                                .size()
                        == 3;
            } finally {
                d.switchTo().defaultContent();
            }
        });
        browser.switchTo().frame(browser.findElement(By.id("report-frame")));
        assertThat(browser.findElements(By.cssSelector("#gripp2-reflections + div.team p")))
                .extracting(WebElement::getText)
                .satisfies(texts -> assertThat(texts.get(0)).startsWith("Written by the team (Siân Llewelyn), "))
                .endsWith("Evening meetings let carers come.", "The glossary came too late.");
        browser.switchTo().defaultContent();
    }
}
