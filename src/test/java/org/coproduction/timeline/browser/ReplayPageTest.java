package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Replay: stepping through the demo's phases shows each phase's figures as the API answers them. */
class ReplayPageTest extends BrowserTest {

    @Test
    void steppedToTheThirdPhaseThePageShowsTheApisFiguresForIt() {
        JsonNode third = http.getForObject("/api/projects/" + DEMO + "/replay", JsonNode.class)
                .path("phases")
                .path(2);
        open("replay.html?project=" + DEMO);
        visible(By.id("phase-heading"));

        browser.findElement(By.id("next")).click();
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform(); // the keyboard steps too
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("phase-heading"), "Phase 3 of"));

        assertThat(browser.findElement(By.id("phase-heading")).getText())
                .endsWith(third.path("name").asText());
        assertThat(browser.findElement(By.id("figure-team-size")).getText())
                .isEqualTo(String.valueOf(third.path("team").size()));
        assertThat(browser.findElement(By.id("figure-contributions")).getText())
                .isEqualTo(third.path("activity").path("contributions").asText());
        assertThat(browser.findElement(By.id("figure-meetings")).getText())
                .isEqualTo(third.path("activity").path("meetings").asText());
        Map<String, String> shown = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#perspectives tbody tr"))) {
            shown.put(
                    row.findElement(By.tagName("th")).getText(),
                    row.findElements(By.tagName("td")).get(0).getText());
        }
        Map<String, String> expected = new HashMap<>();
        third.path("activity")
                .path("contributionsByPerspective")
                .properties()
                .forEach(e -> expected.put(label(e.getKey()), e.getValue().asText()));
        assertThat(expected).isNotEmpty();
        assertThat(shown).containsAllEntriesOf(expected);
        assertThat(browser.findElements(By.cssSelector("#team-table tbody tr")))
                .hasSize(third.path("team").size());
        assertThat(browser.findElements(By.cssSelector("#decisions li[data-decision]")))
                .hasSize(third.path("decisions").size());
        assertThat(browser.getCurrentUrl())
                .contains("phase=" + third.path("phaseId").asText());
        visible(By.cssSelector("#perspective-chart svg"));
        screenshot("replay");
    }

    /** The demo's last phase ran until the project closed on 31 January 2024, not "now". */
    @Test
    void theLastPhaseOfAClosedProjectEndsAtItsClosure() {
        open("replay.html?project=" + DEMO);
        visible(By.id("phase-heading"));
        new Actions(browser).sendKeys(Keys.END).perform();
        waiting().until(d -> !d.findElement(By.id("next")).isEnabled());

        assertThat(browser.findElement(By.id("phase-period")).getText())
                .contains("to 2024-01-31, when the project closed")
                .doesNotContain("now");
    }

    /** SERVICE_USER as the pages write it: "Service user". */
    static String label(String constant) {
        String s = constant.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
