package org.coproduction.timeline.reflection.web;

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
import org.coproduction.timeline.api.Gripp2Topic;
import org.coproduction.timeline.api.JournalCommand.WriteGripp2Item;
import org.coproduction.timeline.platform.Present;
import org.coproduction.timeline.platform.web.ProblemDetailsAdvice;
import org.coproduction.timeline.platform.web.RequestDefaults;
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

@WebMvcTest(controllers = Gripp2Controller.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, RequestDefaults.class, Present.class, FixedClockAndIds.class})
class Gripp2ControllerTest {

    static final String ITEMS = "/api/projects/{projectId}/report/items/{item}";
    static final String PROJECT = "p1";
    static final String ANN = "m-ann";
    static final String BOB = "m-bob";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    CurrentAccount current;

    private void signedInAs(ProjectRole role, String memberId) {
        SignedInAs.signedInAs(current, PROJECT, role, memberId);
    }

    private ResultActions write(String item, String json) throws Exception {
        return mvc.perform(post(ITEMS, PROJECT, item)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void aMemberWritesAsThemselvesWhenNoAuthorIsNamed_now_andTheTopicInAnyCase() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);

        write("Reflections", "{\"text\":\"Evening meetings helped.\"}").andExpect(recorded(PROJECT, "reflections"));

        verify(commands)
                .sendAndWait(new WriteGripp2Item(
                        PROJECT, NOW, Gripp2Topic.REFLECTIONS, "Evening meetings helped.", List.of(ANN)));
    }

    @Test
    void aMemberWritesWithCoAuthorsWhenTheyAreOneOfThem() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);

        write("aim", "{\"text\":\"To see how.\",\"authors\":[\"m-bob\",\"m-ann\"],\"occurredAt\":\"2024-05-01\"}")
                .andExpect(recorded(PROJECT, "aim"));

        verify(commands)
                .sendAndWait(new WriteGripp2Item(
                        PROJECT,
                        Instant.parse("2024-05-01T00:00:00Z"),
                        Gripp2Topic.AIM,
                        "To see how.",
                        List.of(BOB, ANN)));
    }

    @Test
    void aMemberMayNotWriteForOthers_aRecorderMay() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);
        write("aim", "{\"text\":\"To see how.\",\"authors\":[\"m-bob\"]}")
                .andExpect(refused(HttpStatus.FORBIDDEN, "authors"));
        verifyNoInteractions(commands);

        signedInAs(ProjectRole.RECORDER, ANN);
        write("aim", "{\"text\":\"To see how.\",\"authors\":[\"m-bob\"]}").andExpect(recorded(PROJECT, "aim"));
    }

    @Test
    void anUnknownTopicOrABlankTextIsABadRequestNamingTheField() throws Exception {
        signedInAs(ProjectRole.MEMBER, ANN);
        write("discussion", "{\"text\":\"x\"}").andExpect(invalid("item"));
        write("aim", "{\"text\":\"  \"}").andExpect(invalid("text"));
        verifyNoInteractions(commands);
    }
}
