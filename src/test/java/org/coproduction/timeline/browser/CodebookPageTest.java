package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The codebook page: the demo's codes as a tree, and a team's codebook defined, moved and retired in forms. */
class CodebookPageTest extends BrowserTest {

    @Test
    void theDemosCodesStandAsATreeWithWhatEachMeansAndTheIpaGroupBuiltIn() {
        open("codebook.html?project=" + DEMO);

        WebElement codes = visible(By.id("codes"));
        List<String> rows = codes.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.getAttribute("data-depth") + " " + r.getAttribute("data-code"))
                .toList();
        assertThat(rows).hasSize(8).containsSubsequence("0 power", "1 tokenism");
        assertThat(codes.findElement(By.cssSelector("tr[data-code='tokenism'] th"))
                        .getText())
                .contains("Tokenism");
        assertThat(codes.findElement(By.cssSelector("tr[data-code='tokenism'] td.meaning"))
                        .getText())
                .startsWith("Involvement in name only");
        assertThat(browser.findElements(By.cssSelector("#ipa tbody tr"))).hasSize(12);
        assertThat(browser.findElement(By.id("download-qdc")).getAttribute("href"))
                .contains("/api/projects/" + DEMO + "/codebook.qdc");
        assertThat(browser.findElements(By.id("download-qdpx")))
                .as("the site administrator has no role in the demo: the server would refuse it the texts")
                .isEmpty();
        screenshot("codebook-demo");
    }

    @Test
    void aRecorderDefinesCodesInAMembersName_movesOneRetiresAnother_andBringsInAFile() throws Exception {
        String project =
                newTeam("codebook", "Coding together", new String[] {"ann", "Ann Archer", "ACADEMIC"}, new String[] {
                    "sian", "Siân Llewelyn", "SERVICE_USER"
                });
        open("codebook.html?project=" + project);
        visible(By.id("no-codes"));
        new Select(visible(By.id("codebook-changed-by"))).selectByValue("sian");

        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(axe.getViolations())
                .filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .extracting(rule -> rule.getId() + ": " + rule.getHelp())
                .isEmpty();

        define("power", "Power", "Who decides.", null);
        define("tokenism", "Tokenism", "Asked late, or not heard.", "power");
        define("jargon", "Jargon", null, null);
        assertThat(rows()).containsExactly("0 jargon", "0 power", "1 tokenism");

        new Select(visible(By.id("revise-code"))).selectByValue("tokenism");
        assertThat(browser.findElement(By.id("revise-name")).getAttribute("value"))
                .isEqualTo("Tokenism");
        new Select(browser.findElement(By.id("revise-parent"))).selectByValue("");
        browser.findElement(By.id("revise-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("is saved"));
        assertThat(rows()).containsExactly("0 jargon", "0 power", "0 tokenism");

        new Select(visible(By.id("retire-code"))).selectByValue("jargon");
        browser.findElement(By.id("retire-reason")).sendKeys("Folded into the glossary work");
        browser.findElement(By.id("retire-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("is retired"));
        assertThat(browser.findElement(By.cssSelector("#codes tr[data-code='jargon']"))
                        .getText())
                .contains("Retired");
        screenshot("codebook-changed");

        // A codebook from another tool is brought in from a file.
        java.nio.file.Path file = java.nio.file.Files.writeString(
                java.nio.file.Files.createTempFile("codebook", ".qdc"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                        + "<Code guid=\"3f2a1b4c-0000-4000-8000-000000000001\" name=\"Trust\" isCodable=\"true\">"
                        + "<Description>Confidence, won or lost.</Description></Code></Codes></CodeBook>\n");
        visible(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("brought in: 1 codes defined"));
        assertThat(rows()).contains("0 Trust");

        JsonNode codebook = http.getForObject("/api/projects/" + project + "/codebook", JsonNode.class);
        assertThat(codebook.get("codes").findValuesAsText("status"))
                .containsExactly("RETIRED", "DEFINED", "DEFINED", "DEFINED");
        JsonNode timeline =
                http.getForObject("/api/projects/" + project + "/timeline?type=CodeDefined", JsonNode.class);
        assertThat(timeline.get("total").asInt()).isEqualTo(4);
    }

    /** A demo member changes the codebook in their own name: no "in the name of" choice, nothing printed as "null". */
    @Test
    void aMemberSeesTheFormsToChangeTheCodebookInTheirOwnName() {
        try {
            signIn("tom-brennan", org.coproduction.timeline.testing.SignedInTestClients.PASSWORD);
            open("codebook.html?project=" + DEMO);
            visible(By.id("define-form"));
            String page = browser.findElement(By.tagName("main")).getText();
            assertThat(page).contains("recorded in your name").doesNotContain("null");
            assertThat(browser.findElements(By.id("codebook-changed-by"))).isEmpty();
            assertThat(browser.findElement(By.id("download-qdpx")).getAttribute("href"))
                    .contains("/api/projects/" + DEMO + "/export.qdpx")
                    .doesNotContain("asOf");

            open("codebook.html?project=" + DEMO + "&asOf=2023-01-31");
            waiting().until(d -> d.findElement(By.id("download-qdpx"))
                    .getAttribute("href")
                    .contains("asOf=2023-01-31"));
            String qdpx = browser.findElement(By.id("download-qdpx")).getAttribute("href");
            assertThat(qdpx).contains("/api/projects/" + DEMO + "/export.qdpx?asOf=2023-01-31");
            assertThat(browser.findElement(By.id("download-qdpx")).getText())
                    .isEqualTo("Download for QDA tools (.qdpx)");
            assertThat(fetchedStatus(qdpx)).as("the link answers the member").isEqualTo(200);
        } finally {
            signIn(
                    org.coproduction.timeline.testing.SignedInTestClients.USERNAME,
                    org.coproduction.timeline.testing.SignedInTestClients.PASSWORD);
        }
    }

    /** The status the page's own session gets for a URL of the application. */
    private long fetchedStatus(String url) {
        return ((Number) browser.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0]).then((r) => done(r.status), () => done(-1));",
                        url))
                .longValue();
    }

    /** On the record page a reflection is coded by ticking codes from the codebook, and others typed. */
    @Test
    void aReflectionIsCodedWithCodesPickedFromTheCodebook() {
        String project = newTeam("codebook-pick", "Picking codes", new String[] {"ann", "Ann Archer", "ACADEMIC"});
        String base = "/api/projects/" + project;
        created(
                base + "/codebook/codes",
                java.util.Map.of("code", "power", "name", "Power", "changedBy", "ann", "occurredAt", "2024-01-03"));
        created(
                base + "/reflections",
                java.util.Map.of(
                        "reflectionId", "r-1",
                        "authorId", "ann",
                        "text", "Nobody asked us until the end",
                        "visibility", "TEAM",
                        "transcribed", true,
                        "occurredAt", "2024-01-04"));
        open("record.html?project=" + project);

        WebElement power = visible(By.cssSelector("#code-reflection-fromCodebook input[value='power']"));
        assertThat(power.findElement(By.xpath("..")).getText()).contains("Power");
        power.click();
        browser.findElement(By.id("code-reflection-codes")).sendKeys("timing");
        new Select(browser.findElement(By.id("code-reflection-codedBy"))).selectByValue("ann");
        browser.findElement(By.cssSelector("#code-reflection button[type=submit]"))
                .click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("The codes are recorded"));

        JsonNode coded = http.getForObject(base + "/timeline?type=ReflectionCoded", JsonNode.class);
        assertThat(coded.findValue("codes").toString()).isEqualTo("[\"power\",\"timing\"]");
    }

    private void define(String code, String name, String description, String parent) {
        WebElement key = visible(By.id("define-code"));
        key.sendKeys(code);
        browser.findElement(By.id("define-name")).sendKeys(name);
        if (description != null) {
            browser.findElement(By.id("define-description")).sendKeys(description);
        }
        if (parent != null) {
            new Select(browser.findElement(By.id("define-parent"))).selectByValue(parent);
        }
        browser.findElement(By.id("define-save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("\"" + name + "\" is defined"));
        visible(By.cssSelector("#codes tr[data-code='" + code + "']"));
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#codes tbody tr")).stream()
                .map(r -> r.getAttribute("data-depth") + " " + r.getAttribute("data-code"))
                .toList();
    }
}
