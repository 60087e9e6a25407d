package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The projects page: the list, a refused registration and a refused import, as a person sees them. */
class ProjectsPageTest extends BrowserTest {

    @TempDir
    Path dir;

    @Test
    void listsTheDemoProjectWithLinksToItsPagesAndTheExportOnlyForItsCoordinator() {
        open("");
        WebElement row = visible(By.xpath("//table[@id='projects']//tr[.//*[contains(text(),'" + DEMO + "')]]"));
        assertThat(row.getText()).contains("Peer").contains("Administrator");
        assertThat(row.findElement(By.linkText("Timeline")).getAttribute("href"))
                .endsWith("timeline.html?project=" + DEMO);
        assertThat(row.findElements(By.linkText("JSON Lines"))).isEmpty();

        try {
            signIn("helen-marsh", SignedInTestClients.PASSWORD);
            open("");
            WebElement hers = visible(By.xpath("//table[@id='projects']//tr[.//*[contains(text(),'" + DEMO + "')]]"));
            assertThat(hers.getText()).contains("Coordinator");
            assertThat(hers.findElement(By.linkText("JSON Lines")).getAttribute("href"))
                    .endsWith("/api/projects/" + DEMO + "/events");
            assertThat(visible(By.id("signed-in-as")).getText()).contains("Prof Helen Marsh");
            screenshot("projects");
        } finally {
            signIn(SignedInTestClients.USERNAME, SignedInTestClients.PASSWORD);
        }
    }

    /**
     * A new project gets a readable id from its title (shown as the title is typed, and editable), and
     * registering it takes the person to its Team forms; back on the list it has its Record link.
     */
    @Test
    void aRegisteredProjectGetsAReadableIdAndTheTeamFormsComeNext() {
        String word = "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
        open("");
        visible(By.id("new-title")).sendKeys("Carers' Voices in Łódź " + word);
        assertThat(browser.findElement(By.id("new-projectId")).getAttribute("value"))
                .isEqualTo("carers-voices-in-lodz-" + word);
        browser.findElement(By.cssSelector("#create-project button[type=submit]"))
                .click();

        waiting().until(ExpectedConditions.urlContains("record.html?project=carers-voices-in-lodz-" + word));
        assertThat(browser.getCurrentUrl()).endsWith("#group-team");
        assertThat(visible(By.id("group-team-heading")).getText()).isEqualTo("Team");
        assertThat(visible(By.id("join-member-heading")).isDisplayed()).isTrue();
        screenshot("projects-registered-team-next");

        open("");
        WebElement row =
                visible(By.xpath("//table[@id='projects']//tr[.//*[text()='carers-voices-in-lodz-" + word + "']]"));
        assertThat(row.findElement(By.linkText("Record")).getAttribute("href"))
                .endsWith("record.html?project=carers-voices-in-lodz-" + word);
    }

    /** Through the API too, and a title registered twice gets a suffix the second time rather than a refusal. */
    @Test
    void aProjectRegisteredWithoutAnIdTwiceGetsTheReadableIdThenASuffixedOne() {
        String title = "Same title " + Long.toString(System.nanoTime() % 1_000_000, 36);
        String first = http.postForObject(
                        "/api/projects",
                        java.util.Map.of("title", title),
                        com.fasterxml.jackson.databind.JsonNode.class)
                .path("projectId")
                .asText();
        String second = http.postForObject(
                        "/api/projects",
                        java.util.Map.of("title", title),
                        com.fasterxml.jackson.databind.JsonNode.class)
                .path("projectId")
                .asText();

        String readable = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        assertThat(first).isEqualTo(readable);
        assertThat(second)
                .startsWith(readable + "-")
                .hasSizeLessThanOrEqualTo(64)
                .isNotEqualTo(first);
    }

    @Test
    void givenAnInvalidProjectId_whenRegistering_thenTheErrorStandsNextToTheField() {
        open("");
        visible(By.id("new-title")).sendKeys("A study with a bad id");
        browser.findElement(By.id("new-projectId")).sendKeys("has spaces in it");
        browser.findElement(By.cssSelector("#create-project button[type=submit]"))
                .click();

        WebElement error = visible(By.cssSelector("#create-project .field-error[data-field='projectId']"));

        assertThat(error.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("new-projectId")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("new-projectId")).getAttribute("aria-describedby"))
                .isEqualTo(error.getAttribute("id"));
        screenshot("projects-register-refused");
    }

    @Test
    void givenAFileWithBadLines_whenImporting_thenEveryBadLineIsShownWithItsNumberAndNothingIsStored()
            throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(
                file,
                List.of(
                        "{\"type\":\"ProjectRegistered\",\"data\":{\"projectId\":\"browser-bad\","
                                + "\"occurredAt\":\"2024-01-01\",\"title\":\"Imported in a browser\"}}",
                        "this is not JSON",
                        "{\"type\":\"NoSuchEvent\",\"data\":{\"projectId\":\"browser-bad\",\"occurredAt\":\"2024-01-02\"}}"));
        open("");

        visible(By.id("import-input")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-file button[type=submit]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));

        List<String> lines = browser.findElements(By.cssSelector("#import-errors tbody tr th")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(lines).contains("2", "3");
        assertThat(browser.findElement(By.id("import-summary")).getText()).startsWith("Nothing was imported");
        assertThat(http.getForObject("/api/projects", String.class)).doesNotContain("browser-bad");
        screenshot("projects-import-refused");
    }
}
