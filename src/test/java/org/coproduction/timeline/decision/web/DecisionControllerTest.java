package org.coproduction.timeline.decision.web;

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
import org.coproduction.timeline.api.DecisionCommand.MakeDecision;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionCommand.RecordInfluence;
import org.coproduction.timeline.api.DecisionCommand.RetractInfluence;
import org.coproduction.timeline.api.DecisionCommand.ReviseDecision;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
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

@WebMvcTest(controllers = DecisionController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, RequestDefaults.class, Present.class, FixedClockAndIds.class})
class DecisionControllerTest {

    static final String DECISIONS = "/api/projects/{projectId}/decisions";
    static final String INFLUENCES = "/api/projects/{projectId}/decisions/{decisionId}/influences";
    static final String RETRACTION =
            "/api/projects/{projectId}/decisions/{decisionId}/influences/{influenceId}/retraction";
    static final String OUTCOME = "/api/projects/{projectId}/decisions/{decisionId}/outcome";
    static final String REVISIONS = "/api/projects/{projectId}/decisions/{decisionId}/revisions";

    static final String PROJECT = "p1";
    static final String DECISION = "d-venue";
    static final String INFLUENCE = "inf-2";
    static final String ANN = "m-ann";
    static final String BOB = "m-bob";
    static final String CONTRIBUTION = "c-7";
    static final String REFLECTION = "r-4";
    static final String THEN = "2021-03-05T10:15:00Z";
    static final Instant THEN_INSTANT = Instant.parse(THEN);
    static final String THAT_DAY = "2021-03-05";
    static final Instant START_OF_THAT_DAY = Instant.parse("2021-03-05T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    private ResultActions postJson(String uri, String json, Object... uriVariables) throws Exception {
        return mvc.perform(
                post(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    // propose a decision

    @Test
    void proposesADecisionWithTheGivenIdAndTime() throws Exception {
        String json =
                """
                {"decisionId":"%s","occurredAt":"%s","title":"Where to meet","proposedBy":"%s"}
                """
                        .formatted(DECISION, THEN, ANN);

        postJson(DECISIONS, json, PROJECT).andExpect(recorded(PROJECT, DECISION));

        verify(commands).sendAndWait(new ProposeDecision(PROJECT, THEN_INSTANT, DECISION, "Where to meet", ANN));
    }

    @Test
    void proposesADecisionWithAGeneratedIdAtTheClocksTimeWhenBothAreLeftOut() throws Exception {
        String json =
                """
                {"title":"Where to meet","proposedBy":"%s"}
                """.formatted(ANN);

        postJson(DECISIONS, json, PROJECT).andExpect(recorded(PROJECT, "decision-1"));

        verify(commands).sendAndWait(new ProposeDecision(PROJECT, NOW, "decision-1", "Where to meet", ANN));
    }

    @Test
    void proposesADecisionOnADateOnlyAsTheStartOfThatDayInUtc() throws Exception {
        String json =
                """
                {"decisionId":"%s","occurredAt":"%s","title":"Where to meet","proposedBy":"%s"}
                """
                        .formatted(DECISION, THAT_DAY, ANN);

        postJson(DECISIONS, json, PROJECT).andExpect(recorded(PROJECT, DECISION));

        verify(commands).sendAndWait(new ProposeDecision(PROJECT, START_OF_THAT_DAY, DECISION, "Where to meet", ANN));
    }

    @Test
    void rejectsAProposalWithoutATitleNamingTheField() throws Exception {
        String json =
                """
                {"decisionId":"%s","proposedBy":"%s"}
                """.formatted(DECISION, ANN);

        postJson(DECISIONS, json, PROJECT)
                .andExpect(invalid("title"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAProposalWithoutAProposerNamingTheField() throws Exception {
        postJson(DECISIONS, "{\"title\":\"Where to meet\"}", PROJECT).andExpect(invalid("proposedBy"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsADecisionIdWithASpaceNamingTheField() throws Exception {
        String json =
                """
                {"decisionId":"the venue","title":"Where to meet","proposedBy":"%s"}
                """
                        .formatted(ANN);

        postJson(DECISIONS, json, PROJECT).andExpect(invalid("decisionId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMalformedOccurredAtNamingTheField() throws Exception {
        String json =
                """
                {"decisionId":"%s","occurredAt":"2021-03-05 10:15","title":"Where to meet","proposedBy":"%s"}
                """
                        .formatted(DECISION, ANN);

        postJson(DECISIONS, json, PROJECT).andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonAsABadRequest() throws Exception {
        postJson(DECISIONS, "{\"title\":\"Where to meet\",}", PROJECT).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonNamingTheBody() throws Exception {
        postJson(DECISIONS, "{\"title\":\"Where to meet\",}", PROJECT).andExpect(invalid("body"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundWhenTheProjectIsNotRegistered() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new AggregateNotFoundException(PROJECT, "not found"));
        String json =
                """
                {"decisionId":"%s","title":"Where to meet","proposedBy":"%s"}
                """
                        .formatted(DECISION, ANN);

        postJson(DECISIONS, json, PROJECT).andExpect(refused(HttpStatus.NOT_FOUND, "projectId"));
    }

    @Test
    void answersNotFoundNamingTheProposerWhoIsNotAMember() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("proposedBy", "member " + ANN + " has not joined"));
        String json =
                """
                {"decisionId":"%s","title":"Where to meet","proposedBy":"%s"}
                """
                        .formatted(DECISION, ANN);

        postJson(DECISIONS, json, PROJECT)
                .andExpect(refused(HttpStatus.NOT_FOUND, "proposedBy"))
                .andExpect(jsonPath("$.detail").value("member " + ANN + " has not joined"));
    }

    // record an influence

    @Test
    void recordsAnInfluenceWithTheGivenId() throws Exception {
        String json =
                """
                {"influenceId":"%s","occurredAt":"%s","memberId":"%s","kind":"LIVED_EXPERIENCE",
                 "contributionId":"%s","reflectionId":"%s","note":"Named the bus route"}
                """
                        .formatted(INFLUENCE, THEN, BOB, CONTRIBUTION, REFLECTION);

        postJson(INFLUENCES, json, PROJECT, DECISION).andExpect(recorded(PROJECT, INFLUENCE));

        verify(commands)
                .sendAndWait(new RecordInfluence(
                        PROJECT,
                        THEN_INSTANT,
                        DECISION,
                        INFLUENCE,
                        BOB,
                        InfluenceKind.LIVED_EXPERIENCE,
                        CONTRIBUTION,
                        REFLECTION,
                        "Named the bus route"));
    }

    @Test
    void recordsAnInfluenceWithAGeneratedIdAtTheClocksTime() throws Exception {
        String json = """
                {"memberId":"%s","kind":"SUPPORTED"}
                """.formatted(BOB);

        postJson(INFLUENCES, json, PROJECT, DECISION).andExpect(recorded(PROJECT, "influence-1"));

        verify(commands)
                .sendAndWait(new RecordInfluence(
                        PROJECT, NOW, DECISION, "influence-1", BOB, InfluenceKind.SUPPORTED, null, null, null));
    }

    @Test
    void rejectsAnUnknownInfluenceKindNamingTheField() throws Exception {
        String json = """
                {"influenceId":"%s","memberId":"%s","kind":"PARTY"}
                """
                .formatted(INFLUENCE, BOB);

        postJson(INFLUENCES, json, PROJECT, DECISION).andExpect(invalid("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownInfluenceKindAsABadRequestNotAServerError() throws Exception {
        String json = """
                {"influenceId":"%s","memberId":"%s","kind":"PARTY"}
                """
                .formatted(INFLUENCE, BOB);

        postJson(INFLUENCES, json, PROJECT, DECISION).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnInfluenceWithoutAKindNamingTheField() throws Exception {
        postJson(INFLUENCES, "{\"memberId\":\"" + BOB + "\"}", PROJECT, DECISION)
                .andExpect(invalid("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsABadContributionIdNamingTheField() throws Exception {
        String json =
                """
                {"memberId":"%s","kind":"EVIDENCED","contributionId":"turn 7"}
                """
                        .formatted(BOB);

        postJson(INFLUENCES, json, PROJECT, DECISION).andExpect(invalid("contributionId"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheDecisionWhenItWasNeverProposed() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("decisionId", "decision " + DECISION + " was not proposed"));

        postJson(INFLUENCES, "{\"memberId\":\"" + BOB + "\",\"kind\":\"OPPOSED\"}", PROJECT, DECISION)
                .andExpect(refused(HttpStatus.NOT_FOUND, "decisionId"));
    }

    // retract an influence

    @Test
    void retractsAnInfluenceWithTheGivenReason() throws Exception {
        String json =
                """
                {"occurredAt":"%s","reason":"Attributed to the wrong member"}
                """
                        .formatted(THEN);

        postJson(RETRACTION, json, PROJECT, DECISION, INFLUENCE).andExpect(recorded(PROJECT, INFLUENCE));

        verify(commands)
                .sendAndWait(new RetractInfluence(
                        PROJECT, THEN_INSTANT, DECISION, INFLUENCE, "Attributed to the wrong member"));
    }

    @Test
    void retractsAnInfluenceAtTheClocksTimeWhenNoneIsGiven() throws Exception {
        postJson(RETRACTION, "{\"reason\":\"Duplicate\"}", PROJECT, DECISION, INFLUENCE)
                .andExpect(recorded(PROJECT, INFLUENCE));

        verify(commands).sendAndWait(new RetractInfluence(PROJECT, NOW, DECISION, INFLUENCE, "Duplicate"));
    }

    @Test
    void rejectsAnInfluenceRetractionWithoutAReasonNamingTheField() throws Exception {
        postJson(RETRACTION, "{}", PROJECT, DECISION, INFLUENCE).andExpect(invalid("reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnInfluenceIdWithASpaceInThePathNamingTheField() throws Exception {
        postJson(RETRACTION, "{\"reason\":\"Duplicate\"}", PROJECT, DECISION, "inf 2")
                .andExpect(invalid("influenceId"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheInfluenceWhenItWasNeverRecorded() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("influenceId", "influence " + INFLUENCE + " is unknown"));

        postJson(RETRACTION, "{\"reason\":\"Duplicate\"}", PROJECT, DECISION, INFLUENCE)
                .andExpect(refused(HttpStatus.NOT_FOUND, "influenceId"));
    }

    // make the decision

    @Test
    void makesADecisionWithItsMethodAndDeciders() throws Exception {
        String json =
                """
                {"occurredAt":"%s","outcome":"The library","method":"CONSENSUS","decidedBy":["%s","%s"]}
                """
                        .formatted(THEN, ANN, BOB);

        postJson(OUTCOME, json, PROJECT, DECISION).andExpect(recorded(PROJECT, DECISION));

        verify(commands)
                .sendAndWait(new MakeDecision(
                        PROJECT, THEN_INSTANT, DECISION, "The library", DecisionMethod.CONSENSUS, List.of(ANN, BOB)));
    }

    @Test
    void makesADecisionAtTheClocksTimeWhenNoneIsGiven() throws Exception {
        String json =
                """
                {"outcome":"The library","method":"SERVICE_USER_LED","decidedBy":["%s"]}
                """
                        .formatted(BOB);

        postJson(OUTCOME, json, PROJECT, DECISION).andExpect(recorded(PROJECT, DECISION));

        verify(commands)
                .sendAndWait(new MakeDecision(
                        PROJECT, NOW, DECISION, "The library", DecisionMethod.SERVICE_USER_LED, List.of(BOB)));
    }

    @Test
    void makesADecisionOnADateOnlyAsTheStartOfThatDay() throws Exception {
        String json =
                """
                {"occurredAt":"%s","outcome":"The library","method":"VOTE","decidedBy":["%s"]}
                """
                        .formatted(THAT_DAY, BOB);

        postJson(OUTCOME, json, PROJECT, DECISION).andExpect(recorded(PROJECT, DECISION));

        verify(commands)
                .sendAndWait(new MakeDecision(
                        PROJECT, START_OF_THAT_DAY, DECISION, "The library", DecisionMethod.VOTE, List.of(BOB)));
    }

    @Test
    void rejectsAnUnknownDecisionMethodNamingTheField() throws Exception {
        String json =
                """
                {"outcome":"The library","method":"COIN_TOSS","decidedBy":["%s"]}
                """
                        .formatted(BOB);

        postJson(OUTCOME, json, PROJECT, DECISION).andExpect(invalid("method"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownDecisionMethodAsABadRequestNotAServerError() throws Exception {
        String json =
                """
                {"outcome":"The library","method":"COIN_TOSS","decidedBy":["%s"]}
                """
                        .formatted(BOB);

        postJson(OUTCOME, json, PROJECT, DECISION).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsADecisionMadeByNobodyNamingTheField() throws Exception {
        String json = """
                {"outcome":"The library","method":"VOTE","decidedBy":[]}
                """;

        postJson(OUTCOME, json, PROJECT, DECISION)
                .andExpect(invalid("decidedBy"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be empty"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsADeciderNamedTwiceNamingTheField() throws Exception {
        String json =
                """
                {"outcome":"The library","method":"VOTE","decidedBy":["%s","%s"]}
                """
                        .formatted(BOB, BOB);

        postJson(OUTCOME, json, PROJECT, DECISION).andExpect(invalid("decidedBy"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersConflictWhenTheDecisionIsAlreadyMade() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("decisionId", "decision " + DECISION + " is already made"));
        String json =
                """
                {"outcome":"The library","method":"VOTE","decidedBy":["%s"]}
                """
                        .formatted(BOB);

        postJson(OUTCOME, json, PROJECT, DECISION)
                .andExpect(refused(HttpStatus.CONFLICT, "decisionId"))
                .andExpect(jsonPath("$.title").value("Rule violated"))
                .andExpect(jsonPath("$.detail").value("decision " + DECISION + " is already made"));
    }

    // revise the decision

    @Test
    void revisesADecisionWithTheNewOutcomeAndReason() throws Exception {
        String json =
                """
                {"occurredAt":"%s","outcome":"The community centre","reason":"Step-free access"}
                """
                        .formatted(THEN);

        postJson(REVISIONS, json, PROJECT, DECISION).andExpect(recorded(PROJECT, DECISION));

        verify(commands)
                .sendAndWait(new ReviseDecision(
                        PROJECT, THEN_INSTANT, DECISION, "The community centre", "Step-free access"));
    }

    @Test
    void revisesADecisionAtTheClocksTimeWhenNoneIsGiven() throws Exception {
        postJson(REVISIONS, "{\"outcome\":\"The community centre\",\"reason\":\"Access\"}", PROJECT, DECISION)
                .andExpect(recorded(PROJECT, DECISION));

        verify(commands).sendAndWait(new ReviseDecision(PROJECT, NOW, DECISION, "The community centre", "Access"));
    }

    @Test
    void rejectsARevisionWithoutAReasonNamingTheField() throws Exception {
        postJson(REVISIONS, "{\"outcome\":\"The community centre\"}", PROJECT, DECISION)
                .andExpect(invalid("reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersConflictWhenRevisingADecisionNotYetMade() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("decisionId", "decision " + DECISION + " is not made yet"));

        postJson(REVISIONS, "{\"outcome\":\"The community centre\",\"reason\":\"Access\"}", PROJECT, DECISION)
                .andExpect(refused(HttpStatus.CONFLICT, "decisionId"));
    }

    @Test
    void answersConflictOnAConcurrentChange() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new ConcurrencyException("sequence 12 already taken"));

        postJson(REVISIONS, "{\"outcome\":\"The community centre\",\"reason\":\"Access\"}", PROJECT, DECISION)
                .andExpect(problem(HttpStatus.CONFLICT))
                .andExpect(jsonPath("$.title").value("Concurrent change"));
    }
}
