package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Code texts page: words selected in a text are saved as a coded passage, marked after a reload,
 * then cleared. The text opens with emoji, two UTF-16 units each and one character (code point) each
 * for the API, so a page that sent JavaScript's string indices would code the wrong words.
 */
class TextsPageTest extends BrowserTest {

    private static final String TEXT = "🌱🌿 Nobody asked us until the end, then we were heard.";

    @Test
    void wordsSelectedInATextAreCodedMarkedAfterAReloadAndCleared() {
        String project =
                newTeam("texts", "Coding passages", new String[] {"ann", "Ann Archer", "ACADEMIC"}, new String[] {
                    "sian", "Siân Llewelyn", "SERVICE_USER"
                });
        String base = "/api/projects/" + project;
        created(
                base + "/codebook/codes",
                Map.of("code", "power", "name", "Power", "changedBy", "ann", "occurredAt", "2024-01-03"));
        created(
                base + "/codebook/codes",
                Map.of("code", "voice", "name", "Voice", "changedBy", "ann", "occurredAt", "2024-01-03"));
        created(
                base + "/reflections",
                Map.of(
                        "reflectionId", "r-1",
                        "authorId", "sian",
                        "text", TEXT,
                        "visibility", "TEAM",
                        "transcribed", true,
                        "occurredAt", "2024-01-04"));
        int start = TEXT.codePointCount(0, TEXT.indexOf("heard"));
        assertThat(start).isEqualTo(TEXT.indexOf("heard") - 2);

        open("texts.html?project=" + project);
        visible(By.id("text-body"));
        assertThat(browser.findElement(By.id("text-heading")).getText()).contains("Siân Llewelyn's reflection");
        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(axe.getViolations())
                .filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .extracting(rule -> rule.getId() + ": " + rule.getHelp())
                .isEmpty();

        select("heard");
        assertThat(browser.findElement(By.id("passage-first")).getAttribute("value"))
                .isEqualTo(String.valueOf(start + 1));
        assertThat(browser.findElement(By.id("passage-last")).getAttribute("value"))
                .isEqualTo(String.valueOf(start + 5));
        assertThat(browser.findElement(By.id("passage-selected")).getText()).contains("“heard”");
        browser.findElement(By.cssSelector("#passage-codes input[value='power']"))
                .click();
        new Select(browser.findElement(By.id("passage-coded-by"))).selectByValue("ann");
        browser.findElement(By.id("passage-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("The passage is coded"));

        JsonNode passage = http.getForObject(base + "/texts", JsonNode.class)
                .get("texts")
                .get(0)
                .get("passages")
                .get(0);
        assertThat(passage.get("start").asInt()).isEqualTo(start);
        assertThat(passage.get("end").asInt()).isEqualTo(start + 5);
        assertThat(passage.get("codedBy").asText()).isEqualTo("ann");

        browser.navigate().refresh();
        WebElement mark =
                visible(By.cssSelector("#text-body mark[data-passages~='" + start + "-" + (start + 5) + "']"));
        assertThat(mark.getText()).isEqualTo("heard");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("null");
        assertThat(browser.findElement(By.cssSelector("#passages li")).getText())
                .contains("“heard”")
                .contains("Power")
                .contains("Ann Archer");
        screenshot("texts-coded");

        // Recoded with another code, then cleared.
        browser.findElement(By.cssSelector("#passages li button.recode")).click();
        browser.findElement(By.cssSelector("#passage-codes input[value='power']"))
                .click();
        browser.findElement(By.cssSelector("#passage-codes input[value='voice']"))
                .click();
        browser.findElement(By.id("passage-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("The passage is coded"));
        assertThat(visible(By.cssSelector("#passages li")).getText())
                .contains("Voice")
                .doesNotContain("Power");
        browser.findElement(By.cssSelector("#passages li button.clear")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("The passage is cleared"));
        assertThat(browser.findElements(By.cssSelector("#text-body mark"))).isEmpty();
    }

    @Test
    void aPassageBeyondTheTextIsRefusedBesideTheLastCharacter() {
        String project = newTeam("texts-end", "Coding passages", new String[] {"ann", "Ann Archer", "ACADEMIC"});
        created(
                "/api/projects/" + project + "/reflections",
                Map.of(
                        "reflectionId", "r-1",
                        "authorId", "ann",
                        "text", "😀 Short.",
                        "visibility", "TEAM",
                        "transcribed", true,
                        "occurredAt", "2024-01-04"));
        open("texts.html?project=" + project);
        visible(By.id("passage-first")).sendKeys("3");
        browser.findElement(By.id("passage-last")).sendKeys("12");
        browser.findElement(By.id("passage-other")).sendKeys("brevity");
        browser.findElement(By.id("passage-save")).click();
        WebElement error = visible(By.cssSelector("#passage-form .field-error[data-field='end']"));
        assertThat(error.getText()).contains("the text has 8 characters");
    }

    /** Selects the first occurrence of the words in the text as a person would, then lets go of the mouse. */
    private void select(String words) {
        browser.executeScript(
                """
                const body = document.getElementById('text-body');
                const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const at = node.data.indexOf(arguments[0]);
                  if (at < 0) continue;
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + arguments[0].length);
                  const selection = document.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
                  return;
                }
                throw new Error('not in the text: ' + arguments[0]);
                """,
                words);
    }
}
