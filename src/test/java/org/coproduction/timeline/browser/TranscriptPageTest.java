package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;

/** A meeting's transcript brought in from a file, its speakers mapped, then its turns coded on keys. */
class TranscriptPageTest extends BrowserTest {

    @Test
    void aRecorderBringsInAWebVttTranscriptAndCodesItsTurnsOnTheKeys() throws Exception {
        String project = newTeam(
                "transcript", "Meetings in words", new String[] {"zoe", "Zoë Ólafsdóttir", "CARER"}, new String[] {
                    "tom", "Tomás Brennan", "ACADEMIC"
                });
        created(
                "/api/projects/" + project + "/meetings",
                Map.of(
                        "meetingId",
                        "m-1",
                        "title",
                        "Steering group",
                        "kind",
                        "STEERING",
                        "attendees",
                        List.of("zoe", "tom"),
                        "occurredAt",
                        "2024-02-01T10:00:00Z"));
        Path vtt = Files.writeString(
                Files.createTempFile("meeting", ".vtt"),
                """
                WEBVTT

                00:00:04.000 --> 00:00:07.000
                <v Zoë 🌻>Could we meet at the café? ☕</v>

                00:00:07.000 --> 00:00:09.000
                <v Tomás B.>Yes, let's.</v>

                00:00:09.000 --> 00:00:12.000
                <v Zoë 🌻>I'll ask the group.</v>
                """);

        open("transcript.html?project=" + project + "&meeting=m-1");
        visible(By.id("transcript-input")).sendKeys(vtt.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#transcript-file button[type=submit]"))
                .click();
        visible(By.id("speakers"));
        assertThat(browser.findElement(By.cssSelector("#speakers tbody")).getText())
                .contains("Zoë 🌻")
                .contains("Tomás B.");
        // Left unmapped, a speaker is named beside their choice, and nothing is sent.
        browser.findElement(By.cssSelector("#speakers button[type=submit]")).click();
        assertThat(visible(By.id("speaker-0-error")).getText()).contains("Zoë 🌻");
        new Select(browser.findElement(By.id("speaker-0"))).selectByValue("zoe");
        new Select(browser.findElement(By.id("speaker-1"))).selectByValue("tom");
        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(axe.getViolations())
                .filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .extracting(rule -> rule.getId() + ": " + rule.getHelp())
                .isEmpty();
        screenshot("transcript-speakers");
        browser.findElement(By.cssSelector("#speakers button[type=submit]")).click();

        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#turns li")).size() == 3);
        assertThat(browser.findElement(By.cssSelector("#turns li.current")).getText())
                .contains("Zoë Ólafsdóttir")
                .contains("Could we meet at the café? ☕");
        // d: gives suggestion; c: agrees. Each key codes the highlighted turn and moves on.
        browser.findElement(By.tagName("body")).sendKeys("d");
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElement(
                        By.cssSelector("#turns li[data-turn='m-1.t1']"))
                .getText()
                .contains("Gives suggestion"));
        waiting().ignoring(StaleElementReferenceException.class).until(d -> "m-1.t2"
                .equals(d.findElement(By.cssSelector("#turns li.current")).getAttribute("data-turn")));
        browser.findElement(By.tagName("body")).sendKeys("c");
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElement(
                        By.cssSelector("#turns li[data-turn='m-1.t2']"))
                .getText()
                .contains("Agrees"));
        screenshot("transcript-coding");

        JsonNode participation = http.getForObject("/api/projects/" + project + "/participation", JsonNode.class);
        assertThat(participation.toString()).contains("\"zoe\"").contains("\"tom\"");
        JsonNode transcript =
                http.getForObject("/api/projects/" + project + "/meetings/m-1/transcript", JsonNode.class);
        assertThat(transcript.get("turns").findValuesAsText("category")).containsExactly("GIVES_SUGGESTION", "AGREES");
    }
}
