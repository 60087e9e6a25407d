package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The record page's forms: a refusal stands next to the field it names; an accepted form records its event. */
class RecordPageTest extends BrowserTest {

    @Test
    void givenAMemberWithoutAName_whenSubmitted_thenTheApisErrorStandsNextToTheNameField() {
        String project = newProject();
        open("record.html?project=" + project);
        new org.openqa.selenium.support.ui.Select(visible(By.id("join-member-role"))).selectByValue("RESEARCHER");
        browser.findElement(By.id("join-member-perspectives-0")).click();
        browser.findElement(By.cssSelector("#join-member button[type=submit]")).click();

        WebElement error = visible(By.cssSelector("#join-member .field-error[data-field='name']"));

        WebElement name = browser.findElement(By.id("join-member-name"));
        assertThat(error.getText()).isNotBlank();
        assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(name.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        // Right after its input.
        assertThat((Boolean)
                        browser.executeScript("return arguments[0].nextElementSibling === arguments[1]", name, error))
                .isTrue();
        assertThat(http.getForObject("/api/projects/" + project, JsonNode.class)
                        .path("members")
                        .size())
                .isZero();
        screenshot("record-refused");
    }

    @Test
    void aPhaseStartedFromTheFormIsOnTheProject() {
        String project = newProject();
        open("record.html?project=" + project);
        visible(By.id("start-phase-name")).sendKeys("Design");
        browser.findElement(By.id("start-phase-phaseId")).sendKeys("design");
        browser.findElement(By.cssSelector("#start-phase button[type=submit]")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Phase Design started"));

        JsonNode phases =
                http.getForObject("/api/projects/" + project, JsonNode.class).path("phases");
        assertThat(phases.size()).isEqualTo(1);
        assertThat(phases.path(0).path("phaseId").asText()).isEqualTo("design");
        screenshot("record");
    }

    /**
     * Roles are picked from a list by their names; one not on it is written in words ("Other…") and
     * recorded as the contract's upper-case word.
     */
    @Test
    void aRoleIsPickedByItsNameOrWrittenInWords() {
        String project = newProject();
        open("record.html?project=" + project);
        org.openqa.selenium.support.ui.Select role =
                new org.openqa.selenium.support.ui.Select(visible(By.id("join-member-role")));
        assertThat(role.getOptions().stream().map(WebElement::getText))
                .contains("Service user researcher", "Peer worker", "Other…");
        assertThat(browser.findElement(By.id("join-member-roleOther")).isDisplayed())
                .isFalse();

        browser.findElement(By.id("join-member-name")).sendKeys("Lou Lay");
        role.selectByValue("OTHER");
        visible(By.id("join-member-roleOther")).sendKeys("Lay advisor");
        browser.findElement(By.id("join-member-perspectives-1")).click();
        browser.findElement(By.cssSelector("#join-member button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Lou Lay joined"));

        assertThat(member(project).path("role").asText()).isEqualTo("LAY_ADVISOR");
        for (String form : java.util.List.of("join-member", "change-role")) {
            boolean other = "OTHER"
                    .equals(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(form + "-role")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            assertThat(browser.findElement(By.id(form + "-roleOther")).isDisplayed())
                    .as(form + ": the field for another role shows exactly when Other… is chosen")
                    .isEqualTo(other);
        }
        screenshot("record-role-other");
    }

    /**
     * Issue 23, trap 3: a carer researcher ticked Carer, then Service user, and was counted as a
     * service user (the first box on screen). The primary perspective is now chosen among those
     * ticked; with two ticked, nothing is sent until it is, whichever was ticked first.
     */
    @Test
    void thePrimaryPerspectiveIsChosenNotTakenFromTheOrderOfTheBoxes() {
        String project = newProject();
        open("record.html?project=" + project);
        visible(By.id("join-member-name")).sendKeys("Cara Carer");
        new org.openqa.selenium.support.ui.Select(visible(By.id("join-member-role"))).selectByValue("RESEARCHER");
        assertThat(browser.findElement(By.id("join-member-primaryPerspective")).isDisplayed())
                .as("no choice to make before two are ticked")
                .isFalse();

        browser.findElement(By.cssSelector("#join-member input[value='CARER']")).click();
        browser.findElement(By.cssSelector("#join-member input[value='SERVICE_USER']"))
                .click();
        browser.findElement(By.cssSelector("#join-member button[type=submit]")).click();

        WebElement error = visible(By.cssSelector("#join-member .field-error[data-field='primaryPerspective']"));
        assertThat(error.getText()).contains("primary");
        assertThat(http.getForObject("/api/projects/" + project, JsonNode.class)
                        .path("members")
                        .size())
                .as("nothing sent")
                .isZero();

        org.openqa.selenium.support.ui.Select primary =
                new org.openqa.selenium.support.ui.Select(visible(By.id("join-member-primaryPerspective")));
        assertThat(primary.getOptions().stream().map(WebElement::getText))
                .containsExactly("Choose one…", "Service user", "Carer");
        primary.selectByValue("CARER");
        screenshot("record-primary-perspective");
        browser.findElement(By.cssSelector("#join-member button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Cara Carer joined"));

        JsonNode member = member(project);
        assertThat(member.path("primaryPerspective").asText()).isEqualTo("CARER");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("join-member-role")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("the next member's role starts from the list, not from Other…")
                .isNotEqualTo("OTHER");
        assertThat(browser.findElement(By.id("join-member-roleOther")).isDisplayed())
                .isFalse();
        assertThat(member.path("perspectives").toString()).contains("SERVICE_USER");
    }

    /**
     * A coordinator records a member's withdrawal: nothing is sent until the box saying it cannot be
     * undone is ticked; then the member is shown by pseudonym and is no longer offered.
     */
    @Test
    void aWithdrawalIsRecordedOnlyOnceItsConfirmationIsTicked() {
        String project = newProject();
        assertThat(http.postForEntity(
                                "/api/projects/" + project + "/members",
                                Map.of(
                                        "memberId",
                                        "m-eve",
                                        "name",
                                        "Eve Evans",
                                        "role",
                                        "RESEARCHER",
                                        "perspectives",
                                        java.util.List.of("CARER"),
                                        "occurredAt",
                                        "2024-01-02"),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        open("record.html?project=" + project);
        new org.openqa.selenium.support.ui.Select(visible(By.id("withdraw-consent-memberId"))).selectByValue("m-eve");
        browser.executeScript(
                "arguments[0].value = '2024-03-01'", browser.findElement(By.id("withdraw-consent-occurredAt")));
        browser.findElement(By.cssSelector("#withdraw-consent button[type=submit]"))
                .click();

        WebElement unconfirmed = visible(By.cssSelector("#withdraw-consent .field-error[data-field='confirmed']"));
        assertThat(unconfirmed.getText()).contains("cannot be undone");
        assertThat(member(project).path("withdrawn").asBoolean()).isFalse();
        screenshot("record-withdrawal-unconfirmed");

        browser.findElement(By.id("withdraw-consent-confirmed")).click();
        browser.findElement(By.cssSelector("#withdraw-consent button[type=submit]"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Withdrawn member 1"));

        JsonNode eve = member(project);
        assertThat(eve.path("withdrawn").asBoolean()).isTrue();
        assertThat(eve.path("name").asText()).isEqualTo("Withdrawn member 1");
        assertThat(browser.findElements(By.cssSelector("#withdraw-consent-memberId option[value='m-eve']")))
                .isEmpty();
        assertThat(http.getForObject("/api/projects/" + project + "/access/audit", String.class))
                .contains("CONSENT_WITHDRAWN")
                .contains("Withdrawn member 1")
                .doesNotContain("Eve");
        screenshot("record-withdrawal");
    }

    /** Withdrawing everything takes the member off the team's lists: the project no longer lists her. */
    @Test
    void aWithdrawalOfEverythingTakesTheMemberOffTheTeam() {
        String project = newProject();
        for (String[] member : new String[][] {{"m-fay", "Fay Fields", "CARER"}, {"m-gus", "Gus Grant", "ACADEMIC"}}) {
            assertThat(http.postForEntity(
                                    "/api/projects/" + project + "/members",
                                    Map.of(
                                            "memberId",
                                            member[0],
                                            "name",
                                            member[1],
                                            "role",
                                            "RESEARCHER",
                                            "perspectives",
                                            java.util.List.of(member[2]),
                                            "occurredAt",
                                            "2024-01-02"),
                                    String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
        }
        open("record.html?project=" + project);
        new org.openqa.selenium.support.ui.Select(visible(By.id("withdraw-consent-memberId"))).selectByValue("m-fay");
        new org.openqa.selenium.support.ui.Select(visible(By.id("withdraw-consent-scope"))).selectByValue("ALL");
        browser.findElement(By.id("withdraw-consent-confirmed")).click();
        browser.findElement(By.cssSelector("#withdraw-consent button[type=submit]"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "every figure and list"));

        JsonNode members =
                http.getForObject("/api/projects/" + project, JsonNode.class).path("members");
        assertThat(members.findValuesAsText("memberId")).containsExactly("m-gus");
        assertThat(browser.findElements(By.cssSelector("#withdraw-consent-memberId option[value='m-fay']")))
                .isEmpty();
        assertThat(http.getForObject("/api/projects/" + project + "/access/audit", String.class))
                .contains("scope ALL")
                .doesNotContain("Fay");
        screenshot("record-withdrawal-everything");
    }

    /**
     * Trap 1 of issue 23: a member added a moment ago proposes a decision dated today with the form's
     * day picker, which means the person's day, not the midnight before they joined; a proposal on a
     * day before they joined is refused, and the refusal names her, not her id.
     */
    @Test
    void aDayPickedIsThePersonsDayAndARefusalNamesThePersonNotTheirId() {
        String project = newProject();
        assertThat(http.postForEntity(
                                "/api/projects/" + project + "/members",
                                Map.of(
                                        "memberId",
                                        "m-nia",
                                        "name",
                                        "Nia Newcomer",
                                        "role",
                                        "RESEARCHER",
                                        "perspectives",
                                        java.util.List.of("CARER")),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        open("record.html?project=" + project);
        String today = (String) browser.executeScript(
                "return new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)");

        visible(By.id("propose-decision-title")).sendKeys("Where to recruit");
        browser.executeScript(
                "arguments[0].value = arguments[1]", browser.findElement(By.id("propose-decision-occurredAt")), today);
        browser.findElement(By.cssSelector("#propose-decision button[type=submit]"))
                .click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), "Proposed: Where to recruit"));

        visible(By.id("propose-decision-title")).sendKeys("Before she came");
        browser.executeScript(
                "arguments[0].value = '2024-01-05'", browser.findElement(By.id("propose-decision-occurredAt")));
        browser.findElement(By.cssSelector("#propose-decision button[type=submit]"))
                .click();
        WebElement refusal = visible(By.cssSelector("#propose-decision .field-error, #propose-decision .form-errors"));
        assertThat(refusal.getText()).contains("Nia Newcomer").doesNotContain("m-nia");
        screenshot("record-refusal-names-the-person");
    }

    /**
     * The evidence for an influence is picked by who and when: a meeting, then one of its turns, or a
     * team reflection by its author, day and first words; no id typed (issue 23, corrections).
     */
    @Test
    void anInfluencesEvidenceIsPickedFromTheMeetingsTurnsAndTheTeamsReflections() {
        String project = newTeam(
                "browser-record", "Recorded in forms", new String[] {"m-ann", "Ann Archer", "ACADEMIC"}, new String[] {
                    "m-bea", "Bea Brown", "SERVICE_USER"
                });
        String base = "/api/projects/" + project;
        created(
                base + "/meetings",
                Map.of(
                        "meetingId",
                        "m-1",
                        "title",
                        "Recruitment workshop",
                        "kind",
                        "TEAM",
                        "attendees",
                        java.util.List.of("m-ann", "m-bea"),
                        "occurredAt",
                        "2024-01-10T10:00:00Z"));
        created(
                base + "/meetings/m-1/contributions",
                Map.of(
                        "contributionId",
                        "c-1",
                        "memberId",
                        "m-ann",
                        "category",
                        "GIVES_ORIENTATION",
                        "occurredAt",
                        "2024-01-10T10:02:00Z"));
        created(
                base + "/meetings/m-1/contributions",
                Map.of(
                        "contributionId",
                        "c-2",
                        "memberId",
                        "m-bea",
                        "category",
                        "GIVES_SUGGESTION",
                        "occurredAt",
                        "2024-01-10T10:05:00Z"));
        created(
                base + "/decisions",
                Map.of(
                        "decisionId",
                        "d-1",
                        "title",
                        "Recruit through peer networks",
                        "proposedBy",
                        "m-bea",
                        "occurredAt",
                        "2024-01-10T10:06:00Z"));
        created(
                base + "/reflections",
                Map.of(
                        "reflectionId",
                        "r-1",
                        "authorId",
                        "m-bea",
                        "text",
                        "Peer networks reach people clinics miss",
                        "visibility",
                        "TEAM",
                        "transcribed",
                        true,
                        "occurredAt",
                        "2024-01-11"));

        open("record.html?project=" + project);
        new org.openqa.selenium.support.ui.Select(visible(By.id("record-influence-memberId"))).selectByValue("m-bea");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record-influence-kind")))
                .selectByValue("EVIDENCED");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record-influence-evidenceMeeting")))
                .selectByValue("m-1");
        waiting()
                .until(d -> d.findElements(By.cssSelector("#record-influence-contributionId option"))
                                .size()
                        == 3);
        org.openqa.selenium.support.ui.Select turn = new org.openqa.selenium.support.ui.Select(
                browser.findElement(By.id("record-influence-contributionId")));
        assertThat(turn.getOptions())
                .extracting(WebElement::getText)
                .containsExactly("(none)", "10:02 Ann Archer: Gives orientation", "10:05 Bea Brown: Gives suggestion");
        turn.selectByVisibleText("10:05 Bea Brown: Gives suggestion");
        waiting()
                .until(d -> d.findElements(By.cssSelector("#record-influence-reflectionId option"))
                                .size()
                        == 2);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record-influence-reflectionId")))
                .selectByVisibleText("Bea Brown, 2024-01-11: Peer networks reach people clinics miss");
        screenshot("record-influence-evidence-picked");
        browser.findElement(By.cssSelector("#record-influence button[type=submit]"))
                .click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), "The influence is recorded"));

        JsonNode evidence = http
                .getForObject(base + "/decisions/d-1/influencers", JsonNode.class)
                .path("influencers")
                .findValues("evidence")
                .stream()
                .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .filter(e -> "EVIDENCED".equals(e.path("kind").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(evidence.path("contributionId").asText()).isEqualTo("c-2");
        assertThat(evidence.path("reflectionId").asText()).isEqualTo("r-1");
    }

    /**
     * Interviews, coding a reflection picked by its author and words, and closing the project are
     * forms too; once closed, the page says so instead of offering forms (issue 23, corrections).
     */
    @Test
    void anInterviewACodedReflectionAndTheClosureAreRecordedFromForms() {
        String project = newTeam(
                "browser-record", "Recorded in forms", new String[] {"m-ann", "Ann Archer", "ACADEMIC"}, new String[] {
                    "m-bea", "Bea Brown", "SERVICE_USER"
                });
        String base = "/api/projects/" + project;
        created(
                base + "/reflections",
                Map.of(
                        "reflectionId",
                        "r-1",
                        "authorId",
                        "m-bea",
                        "text",
                        "Being paid made me feel part of it",
                        "visibility",
                        "TEAM",
                        "transcribed",
                        true,
                        "occurredAt",
                        "2024-01-11"));
        open("record.html?project=" + project);

        new org.openqa.selenium.support.ui.Select(visible(By.id("record-interview-intervieweeId")))
                .selectByValue("m-bea");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record-interview-interviewerId")))
                .selectByValue("m-ann");
        browser.findElement(By.id("record-interview-summary")).sendKeys("Talked about payment and belonging");
        browser.findElement(By.id("record-interview-codes")).sendKeys("payment, belonging");
        browser.findElement(By.cssSelector("#record-interview button[type=submit]"))
                .click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("status"), "The interview is recorded"));

        waiting()
                .until(d -> d.findElements(By.cssSelector("#code-reflection-reflectionId option"))
                                .size()
                        == 1);
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("code-reflection-reflectionId")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Bea Brown, 2024-01-11: Being paid made me feel part of it");
        browser.findElement(By.id("code-reflection-codes")).sendKeys("payment");
        browser.findElement(By.cssSelector("#code-reflection button[type=submit]"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "The codes are recorded"));

        browser.findElement(By.id("close-project-confirmed")).click();
        browser.findElement(By.cssSelector("#close-project button[type=submit]"))
                .click();
        assertThat(visible(By.id("project-closed")).getText()).contains("nothing more can be recorded");
        assertThat(browser.findElements(By.id("record-forms"))).isEmpty();

        String types = http.getForObject(
                base + "/timeline?type=InterviewRecorded,ReflectionCoded,ProjectClosed", String.class);
        assertThat(types).contains("InterviewRecorded", "ReflectionCoded", "ProjectClosed");
        screenshot("record-project-closed");
    }

    private JsonNode member(String project) {
        return http.getForObject("/api/projects/" + project, JsonNode.class)
                .path("members")
                .path(0);
    }

    private String newProject() {
        String project = "browser-record-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.postForEntity(
                                "/api/projects",
                                Map.of("projectId", project, "title", "Recorded in forms", "occurredAt", "2024-01-01"),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        return project;
    }
}
