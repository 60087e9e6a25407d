package org.coproduction.timeline.project.web;

import static org.coproduction.timeline.web.AdapterExpectations.invalid;
import static org.coproduction.timeline.web.AdapterExpectations.problem;
import static org.coproduction.timeline.web.AdapterExpectations.recorded;
import static org.coproduction.timeline.web.AdapterExpectations.refused;
import static org.coproduction.timeline.web.FixedClockAndIds.NOW;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.api.LifecycleCommand.ChangeMemberRole;
import org.coproduction.timeline.api.LifecycleCommand.CloseProject;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RecordMemberLeft;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.LifecycleCommand.StartPhase;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.Present;
import org.coproduction.timeline.platform.web.ProblemDetailsAdvice;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.web.FixedClockAndIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = LifecycleController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, RequestDefaults.class, Present.class, FixedClockAndIds.class})
class LifecycleControllerTest {

    static final String PROJECTS = "/api/projects";
    static final String PHASES = "/api/projects/{projectId}/phases";
    static final String CLOSURE = "/api/projects/{projectId}/closure";
    static final String MEMBERS = "/api/projects/{projectId}/members";
    static final String ROLE = "/api/projects/{projectId}/members/{memberId}/role";
    static final String DEPARTURE = "/api/projects/{projectId}/members/{memberId}/departure";

    static final String PROJECT = "p1";
    static final String PHASE = "ph-design";
    static final String ANN = "m-ann";
    static final String THEN = "2021-03-05T10:15:00Z";
    static final Instant THEN_INSTANT = Instant.parse(THEN);
    static final String THAT_DAY = "2021-03-05";
    static final Instant START_OF_THAT_DAY = Instant.parse("2021-03-05T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    CurrentAccount current;

    @MockitoBean
    ProjectAccess access;

    private ResultActions postJson(String uri, String json, Object... uriVariables) throws Exception {
        return mvc.perform(
                post(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    // register a project

    @Test
    void registersAProjectWithTheGivenIdAndTime() throws Exception {
        String json =
                """
                {"projectId":"%s","occurredAt":"%s","title":"A study","description":"Co-designed","fundedBy":"NIHR"}
                """
                        .formatted(PROJECT, THEN);

        postJson(PROJECTS, json).andExpect(recorded(PROJECT, PROJECT));

        verify(commands).sendAndWait(new RegisterProject(PROJECT, THEN_INSTANT, "A study", "Co-designed", "NIHR"));
    }

    @Test
    void registersAProjectWithAnIdReadFromItsTitleAtTheClocksTimeWhenBothAreLeftOut() throws Exception {
        postJson(PROJECTS, "{\"title\":\"A study\"}").andExpect(recorded("a-study", "a-study"));

        verify(commands).sendAndWait(new RegisterProject("a-study", NOW, "A study", null, null));
    }

    @Test
    void registersAProjectOnADateOnlyAsTheStartOfThatDayInUtc() throws Exception {
        String json = """
                {"projectId":"%s","occurredAt":"%s","title":"A study"}
                """
                .formatted(PROJECT, THAT_DAY);

        postJson(PROJECTS, json).andExpect(recorded(PROJECT, PROJECT));

        verify(commands).sendAndWait(new RegisterProject(PROJECT, START_OF_THAT_DAY, "A study", null, null));
    }

    @Test
    void rejectsAProjectWithoutATitleNamingTheField() throws Exception {
        postJson(PROJECTS, "{\"projectId\":\"" + PROJECT + "\"}")
                .andExpect(invalid("title"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsABlankTitleNamingTheField() throws Exception {
        postJson(PROJECTS, "{\"projectId\":\"" + PROJECT + "\",\"title\":\"  \"}")
                .andExpect(invalid("title"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAProjectIdWithASpaceNamingTheField() throws Exception {
        postJson(PROJECTS, "{\"projectId\":\"my project\",\"title\":\"A study\"}")
                .andExpect(invalid("projectId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMalformedOccurredAtNamingTheField() throws Exception {
        String json =
                """
                {"projectId":"%s","occurredAt":"last spring","title":"A study"}
                """
                        .formatted(PROJECT);

        postJson(PROJECTS, json).andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonAsABadRequest() throws Exception {
        postJson(PROJECTS, "{\"title\" \"A study\"}").andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonNamingTheBody() throws Exception {
        postJson(PROJECTS, "{\"title\" \"A study\"}").andExpect(invalid("body"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsATitleOfTheWrongKindNamingTheField() throws Exception {
        postJson(PROJECTS, "{\"projectId\":\"" + PROJECT + "\",\"title\":{\"en\":\"A study\"}}")
                .andExpect(invalid("title"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersConflictWhenTheProjectIsRegisteredConcurrently() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new ConcurrencyException("aggregate p1 already exists"));

        postJson(PROJECTS, "{\"projectId\":\"" + PROJECT + "\",\"title\":\"A study\"}")
                .andExpect(problem(HttpStatus.CONFLICT))
                .andExpect(jsonPath("$.title").value("Concurrent change"));
    }

    // start a phase

    @Test
    void startsAPhaseWithTheGivenId() throws Exception {
        String json = """
                {"phaseId":"%s","occurredAt":"%s","name":"Design"}
                """
                .formatted(PHASE, THEN);

        postJson(PHASES, json, PROJECT).andExpect(recorded(PROJECT, PHASE));

        verify(commands).sendAndWait(new StartPhase(PROJECT, THEN_INSTANT, PHASE, "Design"));
    }

    @Test
    void startsAPhaseWithAGeneratedIdAtTheClocksTime() throws Exception {
        postJson(PHASES, "{\"name\":\"Design\"}", PROJECT).andExpect(recorded(PROJECT, "phase-1"));

        verify(commands).sendAndWait(new StartPhase(PROJECT, NOW, "phase-1", "Design"));
    }

    @Test
    void rejectsAPhaseWithoutANameNamingTheField() throws Exception {
        postJson(PHASES, "{\"phaseId\":\"" + PHASE + "\"}", PROJECT).andExpect(invalid("name"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundWhenStartingAPhaseOfAnUnregisteredProject() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new AggregateNotFoundException(PROJECT, "not found"));

        postJson(PHASES, "{\"name\":\"Design\"}", PROJECT).andExpect(refused(HttpStatus.NOT_FOUND, "projectId"));
    }

    @Test
    void answersConflictWhenAPhaseStartsBeforeThePreviousOne() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("occurredAt", "must not be before the current phase"));

        postJson(PHASES, "{\"name\":\"Design\"}", PROJECT)
                .andExpect(refused(HttpStatus.CONFLICT, "occurredAt"))
                .andExpect(jsonPath("$.detail").value("must not be before the current phase"));
    }

    // close the project

    @Test
    void closesAProjectAtTheGivenTime() throws Exception {
        postJson(CLOSURE, "{\"occurredAt\":\"" + THEN + "\"}", PROJECT).andExpect(recorded(PROJECT, PROJECT));

        verify(commands).sendAndWait(new CloseProject(PROJECT, THEN_INSTANT));
    }

    @Test
    void closesAProjectOnADateOnlyAsTheStartOfThatDay() throws Exception {
        postJson(CLOSURE, "{\"occurredAt\":\"" + THAT_DAY + "\"}", PROJECT).andExpect(recorded(PROJECT, PROJECT));

        verify(commands).sendAndWait(new CloseProject(PROJECT, START_OF_THAT_DAY));
    }

    @Test
    void closesAProjectAtTheClocksTimeWhenTheRequestHasNoBody() throws Exception {
        mvc.perform(post(CLOSURE, PROJECT)).andExpect(recorded(PROJECT, PROJECT));

        verify(commands).sendAndWait(new CloseProject(PROJECT, NOW));
    }

    @Test
    void closesAProjectAtTheClocksTimeWhenTheBodyIsEmptyJson() throws Exception {
        postJson(CLOSURE, "{}", PROJECT).andExpect(recorded(PROJECT, PROJECT));

        verify(commands).sendAndWait(new CloseProject(PROJECT, NOW));
    }

    @Test
    void rejectsAClosureWithAMalformedOccurredAtNamingTheField() throws Exception {
        postJson(CLOSURE, "{\"occurredAt\":\"2021-03-05T25:00:00Z\"}", PROJECT).andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersConflictWhenClosingAClosedProject() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("projectId", "project p1 is already closed"));

        mvc.perform(post(CLOSURE, PROJECT)).andExpect(refused(HttpStatus.CONFLICT, "projectId"));
    }

    // a member joins

    @Test
    void joinsAMemberWithTheGivenId() throws Exception {
        String json =
                """
                {"memberId":"%s","occurredAt":"%s","name":"Ann","role":"RESEARCHER","perspectives":["ACADEMIC","CARER"]}
                """
                        .formatted(ANN, THEN);

        postJson(MEMBERS, json, PROJECT).andExpect(recorded(PROJECT, ANN));

        verify(commands)
                .sendAndWait(
                        new JoinMember(PROJECT, THEN_INSTANT, ANN, "Ann", "RESEARCHER", List.of("ACADEMIC", "CARER")));
    }

    @Test
    void joinsAMemberWithAGeneratedIdAtTheClocksTime() throws Exception {
        String json =
                """
                {"name":"Ann","role":"SERVICE_USER","perspectives":["LIVED_EXPERIENCE"]}
                """;

        postJson(MEMBERS, json, PROJECT).andExpect(recorded(PROJECT, "member-1"));

        verify(commands)
                .sendAndWait(
                        new JoinMember(PROJECT, NOW, "member-1", "Ann", "SERVICE_USER", List.of("LIVED_EXPERIENCE")));
    }

    @Test
    void rejectsAMemberWithoutANameNamingTheField() throws Exception {
        String json =
                """
                {"memberId":"%s","role":"RESEARCHER","perspectives":["ACADEMIC"]}
                """
                        .formatted(ANN);

        postJson(MEMBERS, json, PROJECT).andExpect(invalid("name"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsARoleThatIsNotAnUpperCaseWordNamingTheField() throws Exception {
        String json =
                """
                {"memberId":"%s","name":"Ann","role":"researcher","perspectives":["ACADEMIC"]}
                """
                        .formatted(ANN);

        postJson(MEMBERS, json, PROJECT).andExpect(invalid("role"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsABadPerspectiveNamingItsPosition() throws Exception {
        String json =
                """
                {"memberId":"%s","name":"Ann","role":"RESEARCHER","perspectives":["ACADEMIC","lived experience"]}
                """
                        .formatted(ANN);

        postJson(MEMBERS, json, PROJECT).andExpect(invalid("perspectives[1]"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMemberIdWithASpaceNamingTheField() throws Exception {
        String json =
                """
                {"memberId":"ann smith","name":"Ann","role":"RESEARCHER","perspectives":["ACADEMIC"]}
                """;

        postJson(MEMBERS, json, PROJECT).andExpect(invalid("memberId"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersConflictWhenTheMemberAlreadyJoined() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("memberId", "member " + ANN + " already joined"));
        String json =
                """
                {"memberId":"%s","name":"Ann","role":"RESEARCHER","perspectives":["ACADEMIC"]}
                """
                        .formatted(ANN);

        postJson(MEMBERS, json, PROJECT).andExpect(refused(HttpStatus.CONFLICT, "memberId"));
    }

    // a member's role changes

    @Test
    void changesAMembersRole() throws Exception {
        String json =
                """
                {"occurredAt":"%s","role":"CO_INVESTIGATOR","perspectives":["ACADEMIC"]}
                """
                        .formatted(THEN);

        postJson(ROLE, json, PROJECT, ANN).andExpect(recorded(PROJECT, ANN));

        verify(commands)
                .sendAndWait(new ChangeMemberRole(PROJECT, THEN_INSTANT, ANN, "CO_INVESTIGATOR", List.of("ACADEMIC")));
    }

    @Test
    void changesAMembersRoleAtTheClocksTimeWhenNoneIsGiven() throws Exception {
        postJson(ROLE, "{\"role\":\"LEAD\",\"perspectives\":[\"ACADEMIC\"]}", PROJECT, ANN)
                .andExpect(recorded(PROJECT, ANN));

        verify(commands).sendAndWait(new ChangeMemberRole(PROJECT, NOW, ANN, "LEAD", List.of("ACADEMIC")));
    }

    @Test
    void rejectsARoleChangeWithoutPerspectivesNamingTheField() throws Exception {
        postJson(ROLE, "{\"role\":\"LEAD\"}", PROJECT, ANN).andExpect(invalid("perspectives"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheMemberWhoNeverJoined() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("memberId", "member " + ANN + " has not joined"));

        postJson(ROLE, "{\"role\":\"LEAD\",\"perspectives\":[\"ACADEMIC\"]}", PROJECT, ANN)
                .andExpect(refused(HttpStatus.NOT_FOUND, "memberId"));
    }

    // a member leaves

    @Test
    void recordsThatAMemberLeftAtTheGivenTime() throws Exception {
        postJson(DEPARTURE, "{\"occurredAt\":\"" + THEN + "\"}", PROJECT, ANN).andExpect(recorded(PROJECT, ANN));

        verify(commands).sendAndWait(new RecordMemberLeft(PROJECT, THEN_INSTANT, ANN));
    }

    @Test
    void recordsThatAMemberLeftAtTheClocksTimeWhenTheRequestHasNoBody() throws Exception {
        mvc.perform(post(DEPARTURE, PROJECT, ANN)).andExpect(recorded(PROJECT, ANN));

        verify(commands).sendAndWait(new RecordMemberLeft(PROJECT, NOW, ANN));
    }

    @Test
    void rejectsADepartureOfAMemberIdWithASpaceNamingTheField() throws Exception {
        mvc.perform(post(DEPARTURE, PROJECT, "ann smith")).andExpect(invalid("memberId"));
        verifyNoInteractions(commands);
    }
}
