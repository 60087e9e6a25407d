package org.coproduction.timeline.codebook.web;

import static org.coproduction.timeline.web.AdapterExpectations.invalid;
import static org.coproduction.timeline.web.AdapterExpectations.recorded;
import static org.coproduction.timeline.web.AdapterExpectations.refused;
import static org.coproduction.timeline.web.FixedClockAndIds.NOW;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.CodebookCommand.DefineCode;
import org.coproduction.timeline.api.CodebookCommand.MergeCodes;
import org.coproduction.timeline.api.CodebookCommand.RetireCode;
import org.coproduction.timeline.api.CodebookCommand.ReviseCode;
import org.coproduction.timeline.codebook.query.CodebookQuery;
import org.coproduction.timeline.platform.Present;
import org.coproduction.timeline.platform.web.ProblemDetailsAdvice;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.coproduction.timeline.web.FixedClockAndIds;
import org.coproduction.timeline.web.SignedInAs;
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

/** The codebook's changes over HTTP: each in the name of the signed-in member, a code in the body. */
@WebMvcTest(controllers = CodebookController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, RequestDefaults.class, Present.class, FixedClockAndIds.class, TimeTravel.class})
class CodebookControllerTest {

    static final String CODEBOOK = "/api/projects/{projectId}/codebook";
    static final String PROJECT = "p1";
    static final String ANN = "m-ann";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    CurrentAccount current;

    @MockitoBean
    CodebookQuery codebooks;

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(post(CODEBOOK + path, PROJECT)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void aMemberDefinesACodeWithAnySignsInIt_now_inTheirOwnName() throws Exception {
        SignedInAs.signedInAs(current, PROJECT, ProjectRole.MEMBER, ANN);

        send("/codes", "{\"code\":\"power/voice?\",\"name\":\" Power \",\"description\":\"Who decides.\"}")
                .andExpect(recorded(PROJECT, "power/voice?"));

        verify(commands).sendAndWait(new DefineCode(PROJECT, NOW, "power/voice?", "Power", "Who decides.", null, ANN));
    }

    @Test
    void revisionsMergesAndRetirementsAreRecordedAtTheTimeAsked() throws Exception {
        SignedInAs.signedInAs(current, PROJECT, ProjectRole.MEMBER, ANN);
        Instant day = Instant.parse("2024-03-01T00:00:00Z");

        send(
                        "/revisions",
                        "{\"code\":\"voice\",\"name\":\"Being heard\",\"parent\":\"power\",\"occurredAt\":\"2024-03-01\"}")
                .andExpect(recorded(PROJECT, "voice"));
        send("/merges", "{\"codes\":[\"voice\",\"heard\"],\"into\":\"power\",\"occurredAt\":\"2024-03-01\"}")
                .andExpect(recorded(PROJECT, "power"));
        send("/retirements", "{\"code\":\"jargon\",\"reason\":\"Folded in\",\"occurredAt\":\"2024-03-01\"}")
                .andExpect(recorded(PROJECT, "jargon"));

        verify(commands).sendAndWait(new ReviseCode(PROJECT, day, "voice", "Being heard", null, "power", ANN));
        verify(commands).sendAndWait(new MergeCodes(PROJECT, day, List.of("voice", "heard"), "power", ANN));
        verify(commands).sendAndWait(new RetireCode(PROJECT, day, "jargon", "Folded in", ANN));
    }

    @Test
    void aBlankCodeOrACodeNamedTwiceIsABadRequestNamingTheField() throws Exception {
        SignedInAs.signedInAs(current, PROJECT, ProjectRole.MEMBER, ANN);

        send("/codes", "{\"code\":\"  \"}").andExpect(invalid("code"));
        send("/merges", "{\"codes\":[\"voice\",\"voice\"],\"into\":\"power\"}").andExpect(invalid("codes"));
        send("/codes", "{\"code\":\"power\",\"name\":\"" + "n".repeat(201) + "\"}")
                .andExpect(invalid("name"));
        verifyNoInteractions(commands);
    }

    @Test
    void aMemberChangesTheCodebookInTheirOwnNameOnly_aRecorderMayNameAnother() throws Exception {
        SignedInAs.signedInAs(current, PROJECT, ProjectRole.MEMBER, ANN);
        send("/codes", "{\"code\":\"power\",\"changedBy\":\"m-bob\"}")
                .andExpect(refused(HttpStatus.FORBIDDEN, "changedBy"));
        verifyNoInteractions(commands);

        SignedInAs.signedInAs(current, PROJECT, ProjectRole.RECORDER, null);
        send("/codes", "{\"code\":\"power\",\"changedBy\":\"m-bob\"}").andExpect(recorded(PROJECT, "power"));
        verify(commands).sendAndWait(new DefineCode(PROJECT, NOW, "power", null, null, null, "m-bob"));
    }

    @Test
    void anAccountLinkedToNoMemberMayNotChangeTheCodebook() throws Exception {
        SignedInAs.signedInAs(current, PROJECT, ProjectRole.COORDINATOR, null);

        send("/codes", "{\"code\":\"power\"}").andExpect(refused(HttpStatus.FORBIDDEN, "changedBy"));
        verifyNoInteractions(commands);
    }
}
