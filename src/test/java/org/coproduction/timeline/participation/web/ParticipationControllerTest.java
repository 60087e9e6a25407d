package org.coproduction.timeline.participation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.timeline.web.AdapterExpectations.invalid;
import static org.coproduction.timeline.web.AdapterExpectations.refused;
import static org.coproduction.timeline.web.FixedClockAndIds.NOW;
import static org.hamcrest.Matchers.contains;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.IpaCategory.Area;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.MemberTrajectory.PhaseFigures;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.Participation.Decisions;
import org.coproduction.timeline.participation.api.Participation.MemberFigures;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.PerspectiveShift;
import org.coproduction.timeline.participation.api.Participation.Shift;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.platform.web.ProblemDetailsAdvice;
import org.coproduction.timeline.platform.web.TimeTravel;
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

@WebMvcTest(controllers = ParticipationController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, TimeTravel.class, FixedClockAndIds.class})
class ParticipationControllerTest {

    static final String PARTICIPATION = "/api/projects/{projectId}/participation";
    static final String TRAJECTORY = "/api/projects/{projectId}/members/{memberId}/trajectory";

    static final String PROJECT = "p1";
    static final String BEN = "ben";
    static final String AS_OF = "2023-12-31";
    static final Instant AS_OF_INSTANT = Instant.parse("2023-12-31T00:00:00Z");
    static final Instant DESIGN_START = Instant.parse("2023-01-01T00:00:00Z");
    static final Instant FIELDWORK_START = Instant.parse("2023-03-01T00:00:00Z");

    static final Map<IpaCategory, Double> IPA = Map.of(IpaCategory.GIVES_OPINION, 1.0);
    static final Map<Area, Double> AREAS = Map.of(Area.ATTEMPTED_ANSWERS, 1.0);

    static final Window DESIGN = new Window(
            "design",
            "Design",
            DESIGN_START,
            FIELDWORK_START,
            3,
            1,
            0.25,
            0.5,
            List.of(
                    new MemberFigures(BEN, "Ben Bell", "SERVICE_USER", 3, 1.0, 0.5, 2.0, IPA, AREAS, 1, 1.0),
                    new MemberFigures("dee", "Dee Dunn", "CARER", 0, 0.0, 0.5, 0.0, Map.of(), Map.of(), 0, 0.0)),
            List.of(new PerspectiveFigures("SERVICE_USER", 3, 1.0, 1.0, 0.5, 2.0, IPA, AREAS, 1, 1.0)),
            new Decisions(1, Map.of(DecisionMethod.CONSENSUS, 1), 1, 1.0),
            Map.of("SERVICE_USER", Involvement.COLLABORATED, "CARER", Involvement.CONSULTED),
            null);

    static final Window FIELDWORK = new Window(
            "fieldwork",
            "Fieldwork",
            FIELDWORK_START,
            null,
            0,
            0,
            0.0,
            0.0,
            List.of(),
            List.of(new PerspectiveFigures("SERVICE_USER", 0, 0.0, 0.0, 0.0, null, Map.of(), Map.of(), 0, 0.0)),
            new Decisions(0, Map.of(), 0, 0.0),
            Map.of(),
            new Shift(-0.25, -0.5, Map.of("SERVICE_USER", new PerspectiveShift(-1.0, -1.0))));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ParticipationQuery query;

    @Autowired
    ObjectMapper json;

    @Test
    void answersParticipationWithTheFieldsOfTheContract() throws Exception {
        given(query.participation(PROJECT, WindowKind.PHASE, new PointInTime(AS_OF_INSTANT, NOW)))
                .willReturn(new Participation(PROJECT, AS_OF_INSTANT, NOW, List.of(DESIGN, FIELDWORK)));

        mvc.perform(get(PARTICIPATION, PROJECT).param("by", "phase").param("asOf", AS_OF))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.projectId").value(PROJECT))
                .andExpect(jsonPath("$.asOf").value("2023-12-31T00:00:00Z"))
                .andExpect(jsonPath("$.knownAt").value("2024-06-01T09:30:00Z"))
                .andExpect(jsonPath("$.windows[0].key").value("design"))
                .andExpect(jsonPath("$.windows[0].name").value("Design"))
                .andExpect(jsonPath("$.windows[0].start").value("2023-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.windows[0].end").value("2023-03-01T00:00:00Z"))
                .andExpect(jsonPath("$.windows[0].totalContributions").value(3))
                .andExpect(jsonPath("$.windows[0].meetings").value(1))
                .andExpect(jsonPath("$.windows[0].gini").value(0.25))
                .andExpect(jsonPath("$.windows[0].perspectiveEntropy").value(0.5))
                .andExpect(jsonPath("$.windows[0].members[0].memberId").value(BEN))
                .andExpect(jsonPath("$.windows[0].members[0].name").value("Ben Bell"))
                .andExpect(
                        jsonPath("$.windows[0].members[0].primaryPerspective").value("SERVICE_USER"))
                .andExpect(jsonPath("$.windows[0].members[0].contributions").value(3))
                .andExpect(jsonPath("$.windows[0].members[0].share").value(1.0))
                .andExpect(jsonPath("$.windows[0].members[0].attendanceShare").value(0.5))
                .andExpect(jsonPath("$.windows[0].members[0].voiceRatio").value(2.0))
                // IPA shares by category only with detail=full; the areas always.
                .andExpect(jsonPath("$.windows[0].members[0].ipa").doesNotExist())
                .andExpect(jsonPath("$.windows[0].perspectives[0].ipa").doesNotExist())
                .andExpect(jsonPath("$.windows[0].members[0].areas.ATTEMPTED_ANSWERS")
                        .value(1.0))
                .andExpect(jsonPath("$.windows[0].members[0].influences").value(1))
                .andExpect(jsonPath("$.windows[0].members[0].influenceShare").value(1.0))
                .andExpect(jsonPath("$.windows[0].members[1].voiceRatio").value(0.0))
                .andExpect(jsonPath("$.windows[0].perspectives[0].perspective").value("SERVICE_USER"))
                .andExpect(jsonPath("$.windows[0].perspectives[0].holderShare").value(1.0))
                .andExpect(jsonPath("$.windows[0].perspectives[0].ipa").doesNotExist())
                .andExpect(jsonPath("$.windows[0].perspectives[0].areas.ATTEMPTED_ANSWERS")
                        .value(1.0))
                .andExpect(jsonPath("$.windows[0].decisions.made").value(1))
                .andExpect(jsonPath("$.windows[0].decisions.byMethod.CONSENSUS").value(1))
                .andExpect(jsonPath("$.windows[0].decisions.withServiceUserInfluence")
                        .value(1))
                .andExpect(jsonPath("$.windows[0].decisions.share").value(1.0))
                .andExpect(jsonPath("$.windows[0].involvement.SERVICE_USER").value("COLLABORATED"))
                .andExpect(jsonPath("$.windows[0].shift").doesNotExist())
                .andExpect(jsonPath("$.windows[1].end").doesNotExist())
                .andExpect(jsonPath("$.windows[1].perspectives[0].voiceRatio").doesNotExist())
                .andExpect(jsonPath("$.windows[1].shift.gini").value(-0.25))
                .andExpect(jsonPath("$.windows[1].shift.perspectiveEntropy").value(-0.5))
                .andExpect(jsonPath("$.windows[1].shift.perspectives.SERVICE_USER.share")
                        .value(-1.0))
                .andExpect(jsonPath("$.windows[1].shift.perspectives.SERVICE_USER.influenceShare")
                        .value(-1.0));
    }

    @Test
    void givenDetailFull_thenTheIpaSharesComeToo() throws Exception {
        given(query.participation(PROJECT, WindowKind.PHASE, new PointInTime(AS_OF_INSTANT, NOW)))
                .willReturn(new Participation(PROJECT, AS_OF_INSTANT, NOW, List.of(DESIGN, FIELDWORK)));

        mvc.perform(get(PARTICIPATION, PROJECT).param("asOf", AS_OF).param("detail", "FULL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windows[0].members[0].ipa.GIVES_OPINION").value(1.0))
                .andExpect(jsonPath("$.windows[0].members[0].share").value(1.0))
                .andExpect(jsonPath("$.windows[0].members[1].ipa").isMap())
                .andExpect(jsonPath("$.windows[0].members[1].ipa").isEmpty())
                .andExpect(jsonPath("$.windows[0].perspectives[0].ipa.GIVES_OPINION")
                        .value(1.0))
                .andExpect(jsonPath("$.windows[1].perspectives[0].ipa").isEmpty());
        mvc.perform(get(PARTICIPATION, PROJECT).param("asOf", AS_OF).param("detail", "summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windows[0].members[0].ipa").doesNotExist())
                .andExpect(jsonPath("$.windows[0].perspectives[0].ipa").doesNotExist())
                .andExpect(jsonPath("$.windows[0].members[0].areas.ATTEMPTED_ANSWERS")
                        .value(1.0));
    }

    @Test
    void leavesZerosOutOfTheMapsAndKeepsEveryOtherFigure() throws Exception {
        Window window = windowWithZeros();
        given(query.participation(PROJECT, WindowKind.PHASE, new PointInTime(NOW, NOW)))
                .willReturn(new Participation(PROJECT, NOW, NOW, List.of(window)));

        mvc.perform(get(PARTICIPATION, PROJECT).param("detail", "full"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windows[0].members[0].ipa.*", contains(0.25, 0.75)))
                .andExpect(jsonPath("$.windows[0].members[0].areas.*", contains(0.25, 0.75)))
                .andExpect(jsonPath("$.windows[0].perspectives[0].ipa.*", contains(0.25, 0.75)))
                .andExpect(jsonPath("$.windows[0].perspectives[0].areas.*", contains(0.25, 0.75)))
                .andExpect(jsonPath("$.windows[0].decisions.byMethod.*", contains(2)))
                .andExpect(jsonPath("$.windows[0].decisions.byMethod.VOTE").value(2))
                // Zeros outside those maps stay: figures, not entries of a breakdown.
                .andExpect(jsonPath("$.windows[0].gini").value(0.0))
                .andExpect(jsonPath("$.windows[0].members[0].influences").value(0))
                .andExpect(jsonPath("$.windows[0].members[0].influenceShare").value(0.0))
                .andExpect(jsonPath("$.windows[0].decisions.share").value(0.0))
                .andExpect(jsonPath("$.windows[0].end").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.windows[0].shift").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void leavesTheZerosInWhereverElseTheRecordsAreWritten() throws Exception {
        // The report writes the same windows with the application's mapper: every zero, nulls spelled out.
        JsonNode window = json.readTree(json.writeValueAsString(windowWithZeros()));

        assertThat(window.get("members").get(0).get("ipa")).hasSize(IpaCategory.values().length);
        assertThat(window.get("perspectives").get(0).get("areas")).hasSize(Area.values().length);
        assertThat(window.get("decisions").get("byMethod")).hasSize(DecisionMethod.values().length);
        assertThat(window.get("end").isNull()).isTrue();
        assertThat(window.get("shift").isNull()).isTrue();
    }

    /** A window whose maps hold zeros: every IPA category, area and method but a few at 0. */
    static Window windowWithZeros() {
        Map<IpaCategory, Double> ipa = new java.util.EnumMap<>(IpaCategory.class);
        for (IpaCategory category : IpaCategory.values()) {
            ipa.put(category, 0.0);
        }
        ipa.put(IpaCategory.GIVES_OPINION, 0.75);
        ipa.put(IpaCategory.AGREES, 0.25);
        Map<Area, Double> areas = new java.util.EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            areas.put(area, 0.0);
        }
        areas.put(Area.ATTEMPTED_ANSWERS, 0.75);
        areas.put(Area.POSITIVE_REACTIONS, 0.25);
        Map<DecisionMethod, Integer> byMethod = new java.util.EnumMap<>(DecisionMethod.class);
        for (DecisionMethod method : DecisionMethod.values()) {
            byMethod.put(method, 0);
        }
        byMethod.put(DecisionMethod.VOTE, 2);
        return new Window(
                "design",
                "Design",
                DESIGN_START,
                null,
                4,
                1,
                0.0,
                0.0,
                List.of(new MemberFigures(BEN, "Ben Bell", "SERVICE_USER", 4, 1.0, 1.0, 1.0, ipa, areas, 0, 0.0)),
                List.of(new PerspectiveFigures("SERVICE_USER", 4, 1.0, 1.0, 1.0, 1.0, ipa, areas, 0, 0.0)),
                new Decisions(2, byMethod, 0, 0.0),
                Map.of("SERVICE_USER", Involvement.CONSULTED),
                null);
    }

    @Test
    void cannotAskADetailThatIsNotOffered() throws Exception {
        mvc.perform(get(PARTICIPATION, PROJECT).param("detail", "members")).andExpect(invalid("detail"));

        verifyNoInteractions(query);
    }

    @Test
    void givesMapsInAStableOrder() throws Exception {
        Window window = new Window(
                "design",
                "Design",
                DESIGN_START,
                null,
                0,
                0,
                0.0,
                0.0,
                List.of(),
                List.of(),
                new Decisions(3, Map.of(DecisionMethod.VOTE, 2, DecisionMethod.CONSENSUS, 1), 0, 0.0),
                Map.of("SERVICE_USER", Involvement.COLLABORATED, "CARER", Involvement.CONSULTED),
                null);
        given(query.participation(PROJECT, WindowKind.PHASE, new PointInTime(NOW, NOW)))
                .willReturn(new Participation(PROJECT, NOW, NOW, List.of(window)));

        // Involvement by perspective name, methods in the order of their enum (CONSENSUS before VOTE).
        mvc.perform(get(PARTICIPATION, PROJECT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windows[0].involvement.*", contains("CONSULTED", "COLLABORATED")))
                .andExpect(jsonPath("$.windows[0].decisions.byMethod.*", contains(1, 2)));
    }

    @Test
    void givenNoWindowKind_thenItIsByPhase() throws Exception {
        given(query.participation(PROJECT, WindowKind.PHASE, new PointInTime(NOW, NOW)))
                .willReturn(new Participation(PROJECT, NOW, NOW, List.of()));

        mvc.perform(get(PARTICIPATION, PROJECT)).andExpect(status().isOk());

        verify(query).participation(PROJECT, WindowKind.PHASE, new PointInTime(NOW, NOW));
    }

    @Test
    void canAskByMonthQuarterAndProject() throws Exception {
        for (WindowKind kind : List.of(WindowKind.MONTH, WindowKind.QUARTER, WindowKind.PROJECT)) {
            given(query.participation(PROJECT, kind, new PointInTime(NOW, NOW)))
                    .willReturn(new Participation(PROJECT, NOW, NOW, List.of()));

            mvc.perform(get(PARTICIPATION, PROJECT).param("by", kind.name().toLowerCase()))
                    .andExpect(status().isOk());

            verify(query).participation(PROJECT, kind, new PointInTime(NOW, NOW));
        }
    }

    @Test
    void cannotAskByWeek() throws Exception {
        mvc.perform(get(PARTICIPATION, PROJECT).param("by", "week")).andExpect(invalid("by"));

        verifyNoInteractions(query);
    }

    @Test
    void cannotAskAsOfAWordThatIsNoDate() throws Exception {
        mvc.perform(get(PARTICIPATION, PROJECT).param("asOf", "yesterday")).andExpect(invalid("asOf"));

        verifyNoInteractions(query);
    }

    @Test
    void givenAnUnknownProject_whenAsked_thenNotFoundNamingTheProject() throws Exception {
        given(query.participation("nope", WindowKind.PHASE, new PointInTime(NOW, NOW)))
                .willThrow(RuleViolationException.notFound("projectId", "project nope is not registered"));

        mvc.perform(get(PARTICIPATION, "nope")).andExpect(refused(HttpStatus.NOT_FOUND, "projectId"));
    }

    // trajectory

    @Test
    void answersATrajectoryWithTheFieldsOfTheContract() throws Exception {
        given(query.trajectory(PROJECT, BEN, new PointInTime(AS_OF_INSTANT, NOW)))
                .willReturn(new MemberTrajectory(
                        PROJECT,
                        BEN,
                        "Ben Bell",
                        AS_OF_INSTANT,
                        NOW,
                        List.of(new PhaseFigures(
                                "design",
                                "Design",
                                DESIGN_START,
                                FIELDWORK_START,
                                true,
                                "PEER_WORKER",
                                List.of("PEER_WORKER", "SERVICE_USER"),
                                3,
                                0.5,
                                0.25,
                                2.0,
                                AREAS,
                                1,
                                0.5))));

        mvc.perform(get(TRAJECTORY, PROJECT, BEN).param("asOf", AS_OF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(BEN))
                .andExpect(jsonPath("$.name").value("Ben Bell"))
                .andExpect(jsonPath("$.phases[0].key").value("design"))
                .andExpect(jsonPath("$.phases[0].onTeam").value(true))
                .andExpect(jsonPath("$.phases[0].role").value("PEER_WORKER"))
                .andExpect(jsonPath("$.phases[0].perspectives", contains("PEER_WORKER", "SERVICE_USER")))
                .andExpect(jsonPath("$.phases[0].share").value(0.5))
                .andExpect(jsonPath("$.phases[0].voiceRatio").value(2.0))
                .andExpect(jsonPath("$.phases[0].areas.ATTEMPTED_ANSWERS").value(1.0))
                .andExpect(jsonPath("$.phases[0].influences").value(1));
    }

    @Test
    void givenAMemberTheProjectNeverHad_whenTheTrajectoryIsAsked_thenNotFoundNamingTheMember() throws Exception {
        given(query.trajectory(PROJECT, "zed", new PointInTime(NOW, NOW)))
                .willThrow(RuleViolationException.notFound("memberId", "member zed was never on project p1"));

        mvc.perform(get(TRAJECTORY, PROJECT, "zed")).andExpect(refused(HttpStatus.NOT_FOUND, "memberId"));
    }
}
