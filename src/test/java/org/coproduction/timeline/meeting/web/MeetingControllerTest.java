package org.coproduction.timeline.meeting.web;

import static org.coproduction.timeline.web.AdapterExpectations.invalid;
import static org.coproduction.timeline.web.AdapterExpectations.problem;
import static org.coproduction.timeline.web.AdapterExpectations.recorded;
import static org.coproduction.timeline.web.AdapterExpectations.refused;
import static org.coproduction.timeline.web.FixedClockAndIds.NOW;
import static org.hamcrest.Matchers.containsString;
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
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingCommand.RetractContribution;
import org.coproduction.timeline.api.MeetingKind;
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

@WebMvcTest(controllers = MeetingController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, RequestDefaults.class, Present.class, FixedClockAndIds.class})
class MeetingControllerTest {

    static final String MEETINGS = "/api/projects/{projectId}/meetings";
    static final String CONTRIBUTIONS = "/api/projects/{projectId}/meetings/{meetingId}/contributions";
    static final String RETRACTION = "/api/projects/{projectId}/contributions/{contributionId}/retraction";

    static final String PROJECT = "p1";
    static final String MEETING = "mtg-1";
    static final String CONTRIBUTION = "c-7";
    static final String ANN = "m-ann";
    static final String BOB = "m-bob";
    static final String DECISION = "d-3";
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

    private static String meeting(String meetingId) {
        return """
                {"meetingId":"%s","title":"Kick-off","kind":"TEAM","attendees":[]}
                """
                .formatted(meetingId);
    }

    // hold a meeting

    @Test
    void holdsAMeetingWithTheGivenIdAndTime() throws Exception {
        String json =
                """
                {"meetingId":"%s","occurredAt":"%s","title":"Kick-off","kind":"TEAM","attendees":["%s","%s"]}
                """
                        .formatted(MEETING, THEN, ANN, BOB);

        postJson(MEETINGS, json, PROJECT).andExpect(recorded(PROJECT, MEETING));

        verify(commands)
                .sendAndWait(new HoldMeeting(
                        PROJECT, THEN_INSTANT, MEETING, "Kick-off", MeetingKind.TEAM, List.of(ANN, BOB)));
    }

    @Test
    void holdsAMeetingWithAGeneratedIdAtTheClocksTimeWhenBothAreLeftOut() throws Exception {
        String json = """
                {"title":"Kick-off","kind":"STEERING","attendees":[]}
                """;

        postJson(MEETINGS, json, PROJECT).andExpect(recorded(PROJECT, "meeting-1"));

        verify(commands)
                .sendAndWait(new HoldMeeting(PROJECT, NOW, "meeting-1", "Kick-off", MeetingKind.STEERING, List.of()));
    }

    @Test
    void readsADateOnlyOccurredAtAsTheStartOfThatDayInUtc() throws Exception {
        String json =
                """
                {"meetingId":"%s","occurredAt":"%s","title":"Kick-off","kind":"TEAM","attendees":[]}
                """
                        .formatted(MEETING, THAT_DAY);

        postJson(MEETINGS, json, PROJECT).andExpect(recorded(PROJECT, MEETING));

        verify(commands)
                .sendAndWait(
                        new HoldMeeting(PROJECT, START_OF_THAT_DAY, MEETING, "Kick-off", MeetingKind.TEAM, List.of()));
    }

    @Test
    void readsAnOccurredAtWithAnOffsetAsTheSameInstant() throws Exception {
        String json =
                """
                {"meetingId":"%s","occurredAt":"2021-03-05T12:15:00+02:00","title":"Kick-off","kind":"TEAM",
                 "attendees":[]}
                """
                        .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT).andExpect(recorded(PROJECT, MEETING));

        verify(commands)
                .sendAndWait(new HoldMeeting(PROJECT, THEN_INSTANT, MEETING, "Kick-off", MeetingKind.TEAM, List.of()));
    }

    @Test
    void rejectsAMeetingWithoutATitleNamingTheField() throws Exception {
        String json = """
                {"meetingId":"%s","kind":"TEAM","attendees":[]}
                """
                .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT)
                .andExpect(invalid("title"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMeetingWithoutAKindNamingTheField() throws Exception {
        String json = """
                {"meetingId":"%s","title":"Kick-off","attendees":[]}
                """
                .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT).andExpect(invalid("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownMeetingKindNamingTheField() throws Exception {
        String json =
                """
                {"meetingId":"%s","title":"Kick-off","kind":"PARTY","attendees":[]}
                """
                        .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT).andExpect(invalid("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownMeetingKindAsABadRequestNotAServerError() throws Exception {
        String json =
                """
                {"meetingId":"%s","title":"Kick-off","kind":"PARTY","attendees":[]}
                """
                        .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMeetingIdWithASpaceNamingTheField() throws Exception {
        postJson(MEETINGS, meeting("kick off"), PROJECT).andExpect(invalid("meetingId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAProjectIdWithASpaceInThePathNamingTheField() throws Exception {
        postJson(MEETINGS, meeting(MEETING), "my project").andExpect(invalid("projectId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsABadAttendeeIdNamingItsPosition() throws Exception {
        String json =
                """
                {"meetingId":"%s","title":"Kick-off","kind":"TEAM","attendees":["%s","bob smith"]}
                """
                        .formatted(MEETING, ANN);

        postJson(MEETINGS, json, PROJECT).andExpect(invalid("attendees[1]"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonAsABadRequest() throws Exception {
        postJson(MEETINGS, "{\"meetingId\":\"" + MEETING + "\",\"title\":", PROJECT)
                .andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsMalformedJsonNamingTheBody() throws Exception {
        postJson(MEETINGS, "{\"meetingId\":\"" + MEETING + "\",\"title\":", PROJECT)
                .andExpect(invalid("body"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMalformedOccurredAtNamingTheField() throws Exception {
        String json =
                """
                {"meetingId":"%s","occurredAt":"05/03/2021","title":"Kick-off","kind":"TEAM","attendees":[]}
                """
                        .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT).andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnImpossibleDateNamingOccurredAt() throws Exception {
        String json =
                """
                {"meetingId":"%s","occurredAt":"2021-02-30","title":"Kick-off","kind":"TEAM","attendees":[]}
                """
                        .formatted(MEETING);

        postJson(MEETINGS, json, PROJECT).andExpect(invalid("occurredAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundWhenTheProjectIsNotRegistered() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new AggregateNotFoundException(PROJECT, "no such project"));

        postJson(MEETINGS, meeting(MEETING), PROJECT)
                .andExpect(refused(HttpStatus.NOT_FOUND, "projectId"))
                .andExpect(jsonPath("$.detail").value(containsString(PROJECT)));
    }

    @Test
    void answersConflictWhenTheMeetingIsAlreadyHeld() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.conflict("meetingId", "meeting " + MEETING + " is already held"));

        postJson(MEETINGS, meeting(MEETING), PROJECT)
                .andExpect(refused(HttpStatus.CONFLICT, "meetingId"))
                .andExpect(jsonPath("$.detail").value("meeting " + MEETING + " is already held"));
    }

    @Test
    void answersConflictOnAConcurrentChange() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new ConcurrencyException("sequence 4 already taken"));

        postJson(MEETINGS, meeting(MEETING), PROJECT)
                .andExpect(problem(HttpStatus.CONFLICT))
                .andExpect(jsonPath("$.title").value("Concurrent change"));
    }

    // record a contribution

    @Test
    void recordsAContributionWithTheGivenId() throws Exception {
        String json =
                """
                {"contributionId":"%s","occurredAt":"%s","memberId":"%s","category":"GIVES_OPINION",
                 "decisionId":"%s","summary":"Prefers evening sessions"}
                """
                        .formatted(CONTRIBUTION, THEN, ANN, DECISION);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(recorded(PROJECT, CONTRIBUTION));

        verify(commands)
                .sendAndWait(new RecordContribution(
                        PROJECT,
                        THEN_INSTANT,
                        MEETING,
                        CONTRIBUTION,
                        ANN,
                        IpaCategory.GIVES_OPINION,
                        DECISION,
                        "Prefers evening sessions"));
    }

    @Test
    void recordsAContributionWithAGeneratedIdAtTheClocksTime() throws Exception {
        String json = """
                {"memberId":"%s","category":"AGREES"}
                """.formatted(ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(recorded(PROJECT, "contribution-1"));

        verify(commands)
                .sendAndWait(new RecordContribution(
                        PROJECT, NOW, MEETING, "contribution-1", ANN, IpaCategory.AGREES, null, null));
    }

    @Test
    void recordsAContributionOnADateOnlyAsTheStartOfThatDay() throws Exception {
        String json =
                """
                {"contributionId":"%s","occurredAt":"%s","memberId":"%s","category":"AGREES"}
                """
                        .formatted(CONTRIBUTION, THAT_DAY, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(recorded(PROJECT, CONTRIBUTION));

        verify(commands)
                .sendAndWait(new RecordContribution(
                        PROJECT, START_OF_THAT_DAY, MEETING, CONTRIBUTION, ANN, IpaCategory.AGREES, null, null));
    }

    @Test
    void rejectsAnUnknownCategoryNamingTheField() throws Exception {
        String json =
                """
                {"contributionId":"%s","memberId":"%s","category":"SHOUTS"}
                """
                        .formatted(CONTRIBUTION, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING)
                .andExpect(invalid("category"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("SHOUTS")));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAnUnknownCategoryAsABadRequestNotAServerError() throws Exception {
        String json =
                """
                {"contributionId":"%s","memberId":"%s","category":"SHOUTS"}
                """
                        .formatted(CONTRIBUTION, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsANumericCategoryNamingTheField() throws Exception {
        String json = """
                {"contributionId":"%s","memberId":"%s","category":1}
                """
                .formatted(CONTRIBUTION, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(invalid("category"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAContributionWithoutAMemberNamingTheField() throws Exception {
        String json = """
                {"contributionId":"%s","category":"AGREES"}
                """
                .formatted(CONTRIBUTION);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(invalid("memberId"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAContributionWithoutACategoryNamingTheField() throws Exception {
        String json = """
                {"contributionId":"%s","memberId":"%s"}
                """
                .formatted(CONTRIBUTION, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING).andExpect(invalid("category"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsAMeetingIdWithASpaceInThePathNamingTheField() throws Exception {
        String json =
                """
                {"contributionId":"%s","memberId":"%s","category":"AGREES"}
                """
                        .formatted(CONTRIBUTION, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, "kick off").andExpect(invalid("meetingId"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheMeetingWhenItWasNeverHeld() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound("meetingId", "meeting " + MEETING + " was not held"));
        String json =
                """
                {"contributionId":"%s","memberId":"%s","category":"AGREES"}
                """
                        .formatted(CONTRIBUTION, ANN);

        postJson(CONTRIBUTIONS, json, PROJECT, MEETING)
                .andExpect(refused(HttpStatus.NOT_FOUND, "meetingId"))
                .andExpect(jsonPath("$.detail").value("meeting " + MEETING + " was not held"));
    }

    // retract a contribution

    @Test
    void retractsAContributionWithTheGivenReason() throws Exception {
        String json =
                """
                {"occurredAt":"%s","reason":"Coded against the wrong member"}
                """
                        .formatted(THEN);

        postJson(RETRACTION, json, PROJECT, CONTRIBUTION).andExpect(recorded(PROJECT, CONTRIBUTION));

        verify(commands)
                .sendAndWait(
                        new RetractContribution(PROJECT, THEN_INSTANT, CONTRIBUTION, "Coded against the wrong member"));
    }

    @Test
    void retractsAContributionAtTheClocksTimeWhenNoneIsGiven() throws Exception {
        postJson(RETRACTION, "{\"reason\":\"Duplicate\"}", PROJECT, CONTRIBUTION)
                .andExpect(recorded(PROJECT, CONTRIBUTION));

        verify(commands).sendAndWait(new RetractContribution(PROJECT, NOW, CONTRIBUTION, "Duplicate"));
    }

    @Test
    void rejectsARetractionWithoutAReasonNamingTheField() throws Exception {
        postJson(RETRACTION, "{}", PROJECT, CONTRIBUTION)
                .andExpect(invalid("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        verifyNoInteractions(commands);
    }

    @Test
    void rejectsARetractionWithoutABodyAsABadRequest() throws Exception {
        mvc.perform(post(RETRACTION, PROJECT, CONTRIBUTION).contentType(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.BAD_REQUEST));
        verifyNoInteractions(commands);
    }

    @Test
    void answersNotFoundNamingTheContributionWhenItWasNeverRecorded() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(RuleViolationException.notFound(
                        "contributionId", "contribution " + CONTRIBUTION + " was not recorded"));

        postJson(RETRACTION, "{\"reason\":\"Duplicate\"}", PROJECT, CONTRIBUTION)
                .andExpect(refused(HttpStatus.NOT_FOUND, "contributionId"));
    }
}
