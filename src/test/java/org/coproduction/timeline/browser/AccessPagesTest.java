package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpStatus;

/**
 * The demo as its people meet it: the coordinator manages who may do what, a member sees no
 * administration and no one else's private text, a viewer sees no recording forms, and a session
 * that ends sends the person to the login page and back to where they were.
 */
class AccessPagesTest extends BrowserTest {

    static final String PASSWORD = SignedInTestClients.PASSWORD;

    @AfterEach
    void backToTheTestAdministrator() {
        signIn(SignedInTestClients.USERNAME, PASSWORD);
    }

    @Test
    void theDemoCoordinatorSeesWhoMayDoWhatAndTheAuditTrail() {
        signIn("helen-marsh", PASSWORD);
        open("access.html?project=" + DEMO);

        String grants = visible(By.id("grants")).getText();
        assertThat(grants).contains("helen-marsh", "Coordinator", "tom-brennan", "Member", "Tom Brennan");
        String audit = visible(By.id("audit")).getText();
        assertThat(audit).contains("Granted", "member Tom Brennan").doesNotContain("MEMBER", "member tom-brennan");
        assertThat(visible(By.id("signed-in-as")).getText())
                .contains("Prof Helen Marsh")
                .contains("Coordinator");
        screenshot("access-coordinator");
    }

    /**
     * The site administrator creates an account, and the coordinator gives it a role and takes it
     * back: each time the page says it is done only once its list shows it.
     */
    @Test
    void anAccountIsCreatedGivenARoleAndRevokedEachSaidOnceItsListShowsIt() {
        String username = "visitor-" + UUID.randomUUID().toString().substring(0, 8);
        open("admin.html");
        visible(By.id("account-username")).sendKeys(username);
        browser.findElement(By.id("account-displayName")).sendKeys("Vera Visitor");
        browser.findElement(By.id("account-password")).sendKeys("a-long-enough-password");
        browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), "Account " + username + " created"));
        assertThat(browser.findElement(By.id("account-list")).getText()).contains(username);

        signIn("helen-marsh", PASSWORD);
        open("access.html?project=" + DEMO);
        visible(By.id("grant-username")).sendKeys(username);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("grant-role"))).selectByValue("VIEWER");
        browser.findElement(By.cssSelector("#grant-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), username + " is now"));
        assertThat(browser.findElement(By.id("grants")).getText()).contains(username);

        browser.findElement(By.cssSelector("#grants button[data-username='" + username + "']"))
                .click();
        browser.switchTo().alert().accept();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), username + " no longer has a role"));
        assertThat(browser.findElement(By.id("grants")).getText()).doesNotContain(username);
    }

    @Test
    void aDemoMemberCannotReachTheAccountsPageNorAnotherMembersPrivateText() {
        signIn("tom-brennan", PASSWORD);
        open("timeline.html?project=" + DEMO);
        visible(By.id("signed-in-as"));
        assertThat(browser.findElements(By.id("admin-link"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Team and access"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Record a meeting"))).isEmpty();

        open("admin.html");
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), "Only the site administrator manages accounts"));
        assertThat(browser.findElements(By.id("account-list"))).isEmpty();

        var asTom = http.withBasicAuth("tom-brennan", PASSWORD);
        assertThat(asTom.getForEntity("/api/accounts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asTom.getForEntity("/api/projects/" + DEMO + "/events", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode page = asTom.getForObject(
                "/api/projects/" + DEMO + "/timeline?type=ReflectionWritten&size=500", JsonNode.class);
        int privateOfOthers = 0;
        for (JsonNode entry : page.path("entries")) {
            JsonNode data = entry.path("data");
            if ("PRIVATE".equals(data.path("visibility").asText())
                    && !"tom-brennan".equals(data.path("authorId").asText())) {
                privateOfOthers++;
                assertThat(data.has("text"))
                        .as("private text of %s", data.path("reflectionId"))
                        .isFalse();
            }
        }
        assertThat(privateOfOthers).isPositive();
        screenshot("member-no-admin");
    }

    @Test
    void aViewerSeesNoRecordingForms() {
        String project = "viewed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.postForEntity(
                                "/api/projects",
                                Map.of("projectId", project, "title", "A viewed study", "occurredAt", "2024-01-01"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String funder = "funder-" + UUID.randomUUID().toString().substring(0, 8);
        http.postForEntity(
                "/api/accounts",
                Map.of("username", funder, "password", PASSWORD, "displayName", "A funder"),
                String.class);
        http.put("/api/projects/" + project + "/access/" + funder, Map.of("role", "VIEWER"));

        signIn(funder, PASSWORD);
        open("record.html?project=" + project);
        assertThat(visible(By.id("nothing-to-record")).getText()).contains("viewer");
        assertThat(browser.findElements(By.cssSelector("#record-forms form"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Record a meeting"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Record"))).isEmpty();
        screenshot("record-viewer");
    }

    @Test
    void aSessionThatEndsSendsThePersonToTheLoginPageAndBackToWhereTheyWere() {
        signIn("helen-marsh", PASSWORD);
        open("replay.html?project=" + DEMO);
        visible(By.id("signed-in-as"));
        browser.manage().deleteCookieNamed("JSESSIONID");

        browser.navigate().refresh();
        waiting().until(ExpectedConditions.urlContains("login.html"));
        screenshot("login");
        visible(By.id("username")).sendKeys("helen-marsh");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        waiting().until(ExpectedConditions.urlContains("replay.html?project=" + DEMO));
        assertThat(visible(By.id("signed-in-as")).getText()).contains("Helen Marsh");
    }

    @Test
    void aWrongPasswordIsSaidOnTheLoginPage() {
        browser.manage().deleteAllCookies();
        open("login.html");
        visible(By.id("username")).sendKeys("helen-marsh");
        browser.findElement(By.id("password")).sendKeys("not her password");
        browser.findElement(By.id("sign-in")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "do not match"));
        assertThat(browser.getCurrentUrl()).contains("login.html?error");
    }
}
