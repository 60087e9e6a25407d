package org.coproduction.timeline.reflection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.timeline.web.AdapterExpectations.invalid;
import static org.coproduction.timeline.web.AdapterExpectations.problem;
import static org.coproduction.timeline.web.AdapterExpectations.recorded;
import static org.coproduction.timeline.web.AdapterExpectations.refused;
import static org.coproduction.timeline.web.FixedClockAndIds.NOW;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.platform.Present;
import org.coproduction.timeline.platform.web.ProblemDetailsAdvice;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.privacy.Sealing;
import org.coproduction.timeline.web.FixedClockAndIds;
import org.coproduction.timeline.web.SignedInAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = JournalController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, RequestDefaults.class, Present.class, FixedClockAndIds.class})
class JournalControllerTest {

    static final String REFLECTIONS = "/api/projects/{projectId}/reflections";
    static final String CODES = "/api/projects/{projectId}/reflections/{reflectionId}/codes";
    static final String INTERVIEWS = "/api/projects/{projectId}/interviews";
    static final String CONSENT_WITHDRAWAL = "/api/projects/{projectId}/members/{memberId}/consent-withdrawal";

    static final String PROJECT = "p1";
    static final String REFLECTION = "r-4";
    static final String INTERVIEW = "int-1";
    static final String ANN = "m-ann";
    static final String BOB = "m-bob";
    static final String DECISION = "d-venue";
    static final String MEETING = "mtg-1";
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
    Sealing sealing;

    @MockitoBean
    AuditTrail audit;

    /** Signs in as an account with {@code role} in the project, linked to member {@code memberId}. */
    private void signedInAs(ProjectRole role, String memberId) {
        SignedInAs.signedInAs(current, PROJECT, role, memberId);
    }

    @BeforeEach
    void signInAsACoordinatorWhoIsBob() {
        signedInAs(ProjectRole.COORDINATOR, BOB);
        given(sealing.pseudonym(eq(PROJECT), anyString())).willReturn(Optional.of("Withdrawn member 1"));
    }

    private ResultActions postJson(String uri, String json, Object... uriVariables) throws Exception {
        return mvc.perform(
                post(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    // write a reflection

    @Test
    void writesAReflectionWithTheGivenIdAndTime() throws Exception {
        String json =
                """
                {"reflectionId":"%s","occurredAt":"%s","authorId":"%s","text":"I felt heard today",
                 "visibility":"TEAM","decisionId":"%s","meetingId":"%s"}
                """
                        .formatted(REFLECTION, THEN, BOB, DECISION, MEETING);

        postJson(REFLECTIONS, json, PROJECT).andExpect(recorded(PROJECT, REFLECTION));

        verify(commands)
                .sendAndWait(new WriteReflection(
                        PROJECT,
                        THEN_INSTANT,
                        REFLECTION,
                        BOB,
                        "I felt heard today",
                        Visibility.TEAM,
                        DECISION,
                        MEETING));
    }

    @Test
    void writesAReflectionWithAGeneratedIdAtTheClocksTimeWhenBothAreLeftOut() throws Exception {
        String json =
                """
                {"authorId":"%s","text":"I felt heard today","visibility":"PRIVATE"}
                """
                        .formatted(BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(recorded(PROJECT, "reflection-1"));

        verify(commands)
                .sendAndWait(new WriteReflection(
                        PROJECT, NOW, "reflection-1", BOB, "I felt heard today", Visibility.PRIVATE, null, null));
    }

    @Test
    void writesAReflectionOnADateOnlyAsTheStartOfThatDayInUtc() throws Exception {
        String json =
                """
                {"reflectionId":"%s","occurredAt":"%s","authorId":"%s","text":"I felt heard today",
                 "visibility":"PRIVATE"}
                """
                        .formatted(REFLECTION, THAT_DAY, BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(recorded(PROJECT, REFLECTION));

        verify(commands)
                .sendAndWait(new WriteReflection(
                        PROJECT,
                        START_OF_THAT_DAY,
                        REFLECTION,
                        BOB,
                        "I felt heard today",
                        Visibility.PRIVATE,
                        null,
                        null));
    }

    @Test
    void rejectsAReflectionWithoutTextNamingTheField() throws Exception {
        String json =
                """
                {"reflectionId":"%s","authorId":"%s","visibility":"PRIVATE"}
                """
                        .formatted(REFLECTION, BOB);

        postJson(REFLECTIONS, json, PROJECT)
                .andExpect(invalid("text"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAReflectionWithoutAVisibilityNamingTheField() throws Exception {
        String json =
                """
                {"reflectionId":"%s","authorId":"%s","text":"I felt heard today"}
                """
                        .formatted(REFLECTION, BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(invalid("visibility"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownVisibilityNamingTheField() throws Exception {
        String json =
                """
                {"reflectionId":"%s","authorId":"%s","text":"I felt heard today","visibility":"PUBLIC"}
                """
                        .formatted(REFLECTION, BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(invalid("visibility"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownVisibilityAsABadRequestNotAServerError() throws Exception {
        String json =
                """
                {"reflectionId":"%s","authorId":"%s","text":"I felt heard today","visibility":"PUBLIC"}
                """
                        .formatted(REFLECTION, BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnAuthorIdWithASpaceNamingTheField() throws Exception {
        String json =
                """
                {"reflectionId":"%s","authorId":"bob jones","text":"I felt heard today","visibility":"PRIVATE"}
                """
                        .formatted(REFLECTION);

        postJson(REFLECTIONS, json, PROJECT).andExpect(invalid("authorId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMalformedOccurredAtNamingTheField() throws Exception {
        String json =
                """
                {"reflectionId":"%s","occurredAt":"2021-03-05T10:15","authorId":"%s","text":"I felt heard today",
                 "visibility":"PRIVATE"}
                """
                        .formatted(REFLECTION, BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonAsABadRequest() throws Exception {
        postJson(REFLECTIONS, "{'text':'single quotes'}", PROJECT).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonNamingTheBody() throws Exception {
        postJson(REFLECTIONS, "{'text':'single quotes'}", PROJECT).andExpect(invalid("body"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundWhenTheProjectIsNotRegistered() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new AggregateNotFoundException(PROJECT, "not found"));
        String json =
                """
                {"authorId":"%s","text":"I felt heard today","visibility":"PRIVATE"}
                """
                        .formatted(BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(refused(HttpStatus.NOT_FOUND, "projectId"));
    }

    @Test
    void answersNotFoundNamingTheMeetingTheReflectionIsAbout() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("meetingId", "meeting " + MEETING + " was not held"));
        String json =
                """
                {"authorId":"%s","text":"I felt heard today","visibility":"TEAM","meetingId":"%s"}
                """
                        .formatted(BOB, MEETING);

        postJson(REFLECTIONS, json, PROJECT)
                .andExpect(refused(HttpStatus.NOT_FOUND, "meetingId"))
                .andExpect(jsonPath("$.detail").value("meeting " + MEETING + " was not held"));
    }

    // code a reflection

    @Test
    void codesAReflectionWithThemes() throws Exception {
        String json =
                """
                {"occurredAt":"%s","codes":["trust","power sharing"],"codedBy":"%s"}
                """
                        .formatted(THEN, ANN);

        postJson(CODES, json, PROJECT, REFLECTION).andExpect(recorded(PROJECT, REFLECTION));

        verify(commands)
                .sendAndWait(
                        new CodeReflection(PROJECT, THEN_INSTANT, REFLECTION, List.of("trust", "power sharing"), ANN));
    }

    @Test
    void codesAReflectionAtTheClocksTimeWhenNoneIsGiven() throws Exception {
        postJson(CODES, "{\"codes\":[\"trust\"],\"codedBy\":\"" + ANN + "\"}", PROJECT, REFLECTION)
                .andExpect(recorded(PROJECT, REFLECTION));

        verify(commands).sendAndWait(new CodeReflection(PROJECT, NOW, REFLECTION, List.of("trust"), ANN));
    }

    @Test
    void rejectsCodingWithNoCodesNamingTheField() throws Exception {
        postJson(CODES, "{\"codes\":[],\"codedBy\":\"" + ANN + "\"}", PROJECT, REFLECTION)
                .andExpect(invalid("codes"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be empty"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsABlankCodeNamingItsPosition() throws Exception {
        postJson(CODES, "{\"codes\":[\"trust\",\" \"],\"codedBy\":\"" + ANN + "\"}", PROJECT, REFLECTION)
                .andExpect(invalid("codes[1]"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsCodingWithoutACoderNamingTheField() throws Exception {
        signedInAs(ProjectRole.COORDINATOR, null);
        postJson(CODES, "{\"codes\":[\"trust\"]}", PROJECT, REFLECTION).andExpect(invalid("codedBy"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheReflectionWhenItWasNeverWritten() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound(
                        "reflectionId", "reflection " + REFLECTION + " was not written"));

        postJson(CODES, "{\"codes\":[\"trust\"],\"codedBy\":\"" + ANN + "\"}", PROJECT, REFLECTION)
                .andExpect(refused(HttpStatus.NOT_FOUND, "reflectionId"));
    }

    // record an interview

    @Test
    void recordsAnInterviewWithTheGivenId() throws Exception {
        String json =
                """
                {"interviewId":"%s","occurredAt":"%s","intervieweeId":"%s","interviewerId":"%s",
                 "summary":"On being listened to","codes":["trust"]}
                """
                        .formatted(INTERVIEW, THEN, BOB, ANN);

        postJson(INTERVIEWS, json, PROJECT).andExpect(recorded(PROJECT, INTERVIEW));

        verify(commands)
                .sendAndWait(new RecordInterview(
                        PROJECT, THEN_INSTANT, INTERVIEW, BOB, ANN, "On being listened to", List.of("trust")));
    }

    @Test
    void recordsAnInterviewWithAGeneratedIdAtTheClocksTime() throws Exception {
        String json =
                """
                {"intervieweeId":"%s","interviewerId":"%s"}
                """.formatted(BOB, ANN);

        postJson(INTERVIEWS, json, PROJECT).andExpect(recorded(PROJECT, "interview-1"));

        verify(commands).sendAndWait(new RecordInterview(PROJECT, NOW, "interview-1", BOB, ANN, null, null));
    }

    @Test
    void recordsAnInterviewOnADateOnlyAsTheStartOfThatDay() throws Exception {
        String json =
                """
                {"interviewId":"%s","occurredAt":"%s","intervieweeId":"%s","interviewerId":"%s"}
                """
                        .formatted(INTERVIEW, THAT_DAY, BOB, ANN);

        postJson(INTERVIEWS, json, PROJECT).andExpect(recorded(PROJECT, INTERVIEW));

        verify(commands).sendAndWait(new RecordInterview(PROJECT, START_OF_THAT_DAY, INTERVIEW, BOB, ANN, null, null));
    }

    @Test
    void rejectsAnInterviewWithoutAnIntervieweeNamingTheField() throws Exception {
        postJson(INTERVIEWS, "{\"interviewerId\":\"" + ANN + "\"}", PROJECT).andExpect(invalid("intervieweeId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnInterviewIdWithASpaceNamingTheField() throws Exception {
        String json =
                """
                {"interviewId":"interview one","intervieweeId":"%s","interviewerId":"%s"}
                """
                        .formatted(BOB, ANN);

        postJson(INTERVIEWS, json, PROJECT).andExpect(invalid("interviewId"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersConflictOnAConcurrentChange() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new ConcurrencyException("sequence 9 already taken"));

        postJson(INTERVIEWS, "{\"intervieweeId\":\"" + BOB + "\",\"interviewerId\":\"" + ANN + "\"}", PROJECT)
                .andExpect(problem(HttpStatus.CONFLICT))
                .andExpect(jsonPath("$.title").value("Concurrent change"));
    }

    // withdraw consent

    @Test
    void withdrawsConsentAtTheGivenTime() throws Exception {
        postJson(CONSENT_WITHDRAWAL, "{\"occurredAt\":\"" + THEN + "\"}", PROJECT, BOB)
                .andExpect(recorded(PROJECT, BOB));

        verify(commands).sendAndWait(new WithdrawConsent(PROJECT, THEN_INSTANT, BOB));
    }

    @Test
    void answersAWithdrawalWithThePseudonymAndListsItInTheAuditTrailByPseudonym() throws Exception {
        postJson(CONSENT_WITHDRAWAL, "{\"occurredAt\":\"" + THEN + "\"}", PROJECT, BOB)
                .andExpect(jsonPath("$.pseudonym").value("Withdrawn member 1"));

        verify(audit)
                .record(
                        "someone",
                        "CONSENT_WITHDRAWN",
                        PROJECT,
                        "Withdrawn member 1",
                        "scope TEXT, effective " + THEN_INSTANT);
    }

    @Test
    void withdrawsEverythingWhenTheScopeIsAll() throws Exception {
        postJson(CONSENT_WITHDRAWAL, "{\"scope\":\"ALL\",\"occurredAt\":\"" + THEN + "\"}", PROJECT, BOB)
                .andExpect(recorded(PROJECT, BOB));

        verify(commands).sendAndWait(new WithdrawConsent(PROJECT, THEN_INSTANT, BOB, WithdrawalScope.ALL));
    }

    @Test
    void refusesAScopeItDoesNotKnowNamingTheField() throws Exception {
        postJson(CONSENT_WITHDRAWAL, "{\"scope\":\"SOME\"}", PROJECT, BOB)
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.errors[0].field").value("scope"));

        verifyNoInteractions(commands);
    }

    @Test
    void withdrawsConsentOnADateOnlyAsTheStartOfThatDay() throws Exception {
        postJson(CONSENT_WITHDRAWAL, "{\"occurredAt\":\"" + THAT_DAY + "\"}", PROJECT, BOB)
                .andExpect(recorded(PROJECT, BOB));

        verify(commands).sendAndWait(new WithdrawConsent(PROJECT, START_OF_THAT_DAY, BOB));
    }

    @Test
    void withdrawsConsentAtTheClocksTimeWhenTheRequestHasNoBody() throws Exception {
        mvc.perform(post(CONSENT_WITHDRAWAL, PROJECT, BOB)).andExpect(recorded(PROJECT, BOB));

        verify(commands).sendAndWait(new WithdrawConsent(PROJECT, NOW, BOB));
    }

    @Test
    void refusesAnOccurredAtAfterNowButAcceptsOneWithinTheClockTolerance() throws Exception {
        // The fixed clock reads 2024-06-01T09:30:00Z; five minutes' tolerance for clocks that disagree.
        postJson(CONSENT_WITHDRAWAL, "{\"occurredAt\":\"2024-06-01T09:36:00Z\"}", PROJECT, BOB)
                .andExpect(invalid("occurredAt"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("after now")));
        verifyNoInteractions(commands);

        postJson(CONSENT_WITHDRAWAL, "{\"occurredAt\":\"2024-06-01T09:34:00Z\"}", PROJECT, BOB)
                .andExpect(recorded(PROJECT, BOB));
    }

    @Test
    void rejectsAConsentWithdrawalWithAMalformedOccurredAtNamingTheField() throws Exception {
        postJson(CONSENT_WITHDRAWAL, "{\"occurredAt\":\"tomorrow\"}", PROJECT, BOB)
                .andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheMemberWhoNeverJoined() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("memberId", "member " + BOB + " has not joined"));

        mvc.perform(post(CONSENT_WITHDRAWAL, PROJECT, BOB)).andExpect(refused(HttpStatus.NOT_FOUND, "memberId"));
    }

    @Test
    void answersConflictWhenConsentIsAlreadyWithdrawn() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("memberId", "member " + BOB + " already withdrew consent"));

        mvc.perform(post(CONSENT_WITHDRAWAL, PROJECT, BOB)).andExpect(refused(HttpStatus.CONFLICT, "memberId"));
    }

    // authorship

    @Test
    void refusesAReflectionInAnotherMembersNameNamingTheAuthor() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);
        String json =
                """
                {"authorId":"%s","text":"I felt heard today","visibility":"PRIVATE"}
                """
                        .formatted(BOB);

        postJson(REFLECTIONS, json, PROJECT)
                .andExpect(problem(HttpStatus.FORBIDDEN))
                .andExpect(jsonPath("$.field").value("authorId"));
        verifyNoInteractions(commands);
    }

    @Test
    void writesTheReflectionAsTheSignedInMemberWhenNoAuthorIsGiven() throws Exception {
        signedInAs(ProjectRole.MEMBER, BOB);

        postJson(REFLECTIONS, "{\"text\":\"I felt heard today\",\"visibility\":\"PRIVATE\"}", PROJECT)
                .andExpect(status().isCreated());
        ArgumentCaptor<WriteReflection> sent = ArgumentCaptor.forClass(WriteReflection.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().authorId()).isEqualTo(BOB);
    }

    @Test
    void aRecorderTranscribingAPaperDiaryWritesInTheMembersNameWithTranscribedByInTheMetadata() throws Exception {
        signedInAs(ProjectRole.RECORDER, ANN);
        String json =
                """
                {"authorId":"%s","text":"Written on paper","visibility":"PRIVATE","transcribed":true}
                """
                        .formatted(BOB);

        postJson(REFLECTIONS, json, PROJECT).andExpect(status().isCreated());
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        CommandMessage<?> message = (CommandMessage<?>) sent.getValue();
        assertThat(((WriteReflection) message.getPayload()).authorId()).isEqualTo(BOB);
        assertThat(message.getMetaData()).containsEntry("transcribedBy", "someone");
    }

    @Test
    void aMemberMayNotTranscribeAnotherMembersDiary() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);
        String json =
                """
                {"authorId":"%s","text":"Written on paper","visibility":"PRIVATE","transcribed":true}
                """
                        .formatted(BOB);

        postJson(REFLECTIONS, json, PROJECT)
                .andExpect(problem(HttpStatus.FORBIDDEN))
                .andExpect(jsonPath("$.field").value("transcribed"));
        verifyNoInteractions(commands);
    }

    @Test
    void aMemberMayNotCodeAsSomeoneElse() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);

        postJson(CODES, "{\"codes\":[\"trust\"],\"codedBy\":\"" + BOB + "\"}", PROJECT, REFLECTION)
                .andExpect(problem(HttpStatus.FORBIDDEN))
                .andExpect(jsonPath("$.field").value("codedBy"));
        verifyNoInteractions(commands);
    }

    @Test
    void aMemberMayWithdrawOnlyTheirOwnConsent() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);

        postJson(CONSENT_WITHDRAWAL, "{}", PROJECT, BOB).andExpect(problem(HttpStatus.FORBIDDEN));
        verifyNoInteractions(commands);
        postJson(CONSENT_WITHDRAWAL, "{}", PROJECT, ANN).andExpect(status().isCreated());
    }
}
