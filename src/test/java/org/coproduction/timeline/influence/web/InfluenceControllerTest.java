package org.coproduction.timeline.influence.web;

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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Discussant;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Evidence;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionList;
import org.coproduction.timeline.influence.api.DecisionOverview;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.api.InfluenceSummary.MemberInfluence;
import org.coproduction.timeline.influence.api.InfluenceSummary.PerspectiveInfluence;
import org.coproduction.timeline.influence.query.DecisionProvenance;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
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

@WebMvcTest(controllers = InfluenceController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, TimeTravel.class, FixedClockAndIds.class})
class InfluenceControllerTest {

    static final String INFLUENCERS = "/api/projects/{projectId}/decisions/{decisionId}/influencers";
    static final String DECISIONS = "/api/projects/{projectId}/decisions";
    static final String INFLUENCE = "/api/projects/{projectId}/influence";

    static final String PROJECT = "p1";
    static final String DECISION = "d-pay";
    static final String ANN = "ann";
    static final String BEN = "ben";
    static final String AS_OF = "2022-03-06T00:00:00Z";
    static final Instant AS_OF_INSTANT = Instant.parse(AS_OF);
    static final String KNOWN_AT_DAY = "2022-04-30";
    static final Instant KNOWN_AT_INSTANT = Instant.parse("2022-04-30T00:00:00Z");
    static final Instant PROPOSED_AT = Instant.parse("2022-01-20T10:30:00Z");
    static final Instant SUPPORTED_AT = Instant.parse("2022-01-20T11:00:00Z");
    static final Instant RECORDED_AT = Instant.parse("2022-01-20T12:00:00Z");
    static final Instant MADE_AT = Instant.parse("2022-02-15T10:00:00Z");

    static final DecisionInfluencers ANSWER = new DecisionInfluencers(
            PROJECT,
            DECISION,
            "Pay peer researchers",
            AS_OF_INSTANT,
            KNOWN_AT_INSTANT,
            DecisionStatus.MADE,
            ANN,
            PROPOSED_AT,
            MADE_AT,
            "Pay at the living wage",
            DecisionMethod.CONSENSUS,
            List.of("dee", ANN),
            List.of(
                    new Influencer(
                            ANN,
                            "Ann Archer",
                            "RESEARCHER",
                            List.of("ACADEMIC"),
                            List.of(InfluenceKind.PROPOSED),
                            List.of(new Evidence(
                                    null,
                                    InfluenceKind.PROPOSED,
                                    PROPOSED_AT,
                                    RECORDED_AT,
                                    null,
                                    null,
                                    null,
                                    "0b8e3c4e-0000-0000-0000-000000000001"))),
                    new Influencer(
                            BEN,
                            "Ben Bell",
                            "SERVICE_USER_RESEARCHER",
                            List.of("SERVICE_USER", "CARER"),
                            List.of(InfluenceKind.SUPPORTED),
                            List.of(new Evidence(
                                    "i-ben",
                                    InfluenceKind.SUPPORTED,
                                    SUPPORTED_AT,
                                    RECORDED_AT,
                                    "c-ben-1",
                                    "r-ben-1",
                                    "Peers lose benefits otherwise",
                                    "0b8e3c4e-0000-0000-0000-000000000002")))),
            List.of(new Discussant(BEN, 2), new Discussant("cal", 1)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InfluenceReadModel readModel;

    /** Provenance has tests of its own (ProvenanceEndpointTest); here it only has to exist. */
    @MockitoBean
    DecisionProvenance provenance;

    // who influenced a decision

    @Test
    void answersWhoInfluencedADecisionWithTheFieldsOfTheContract() throws Exception {
        given(readModel.influencers(PROJECT, DECISION, new PointInTime(AS_OF_INSTANT, KNOWN_AT_INSTANT)))
                .willReturn(ANSWER);

        mvc.perform(get(INFLUENCERS, PROJECT, DECISION).param("asOf", AS_OF).param("knownAt", KNOWN_AT_DAY))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.decisionId").value(DECISION))
                .andExpect(jsonPath("$.title").value("Pay peer researchers"))
                .andExpect(jsonPath("$.asOf").value(AS_OF))
                .andExpect(jsonPath("$.knownAt").value("2022-04-30T00:00:00Z"))
                .andExpect(jsonPath("$.status").value("MADE"))
                .andExpect(jsonPath("$.outcome").value("Pay at the living wage"))
                .andExpect(jsonPath("$.method").value("CONSENSUS"))
                .andExpect(jsonPath("$.decidedBy", contains("dee", ANN)))
                .andExpect(jsonPath("$.influencers[1].memberId").value(BEN))
                .andExpect(jsonPath("$.influencers[1].name").value("Ben Bell"))
                .andExpect(jsonPath("$.influencers[1].role").value("SERVICE_USER_RESEARCHER"))
                .andExpect(jsonPath("$.influencers[1].perspectives", contains("SERVICE_USER", "CARER")))
                .andExpect(jsonPath("$.influencers[1].kinds", contains("SUPPORTED")))
                .andExpect(jsonPath("$.influencers[1].evidence[0].influenceId").value("i-ben"))
                .andExpect(jsonPath("$.influencers[1].evidence[0].kind").value("SUPPORTED"))
                .andExpect(jsonPath("$.influencers[1].evidence[0].occurredAt").value("2022-01-20T11:00:00Z"))
                .andExpect(jsonPath("$.influencers[1].evidence[0].recordedAt").value("2022-01-20T12:00:00Z"))
                .andExpect(
                        jsonPath("$.influencers[1].evidence[0].contributionId").value("c-ben-1"))
                .andExpect(jsonPath("$.influencers[1].evidence[0].reflectionId").value("r-ben-1"))
                .andExpect(jsonPath("$.influencers[1].evidence[0].summary").value("Peers lose benefits otherwise"))
                .andExpect(jsonPath("$.discussedBy[0].memberId").value(BEN))
                .andExpect(jsonPath("$.discussedBy[0].contributions").value(2))
                .andExpect(jsonPath("$.discussedBy[1].memberId").value("cal"));
    }

    @Test
    void leavesOutTheOptionalFieldsOfTheProposalsEvidence() throws Exception {
        given(readModel.influencers(PROJECT, DECISION, new PointInTime(AS_OF_INSTANT, KNOWN_AT_INSTANT)))
                .willReturn(ANSWER);

        mvc.perform(get(INFLUENCERS, PROJECT, DECISION).param("asOf", AS_OF).param("knownAt", KNOWN_AT_DAY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.influencers[0].evidence[0].kind").value("PROPOSED"))
                .andExpect(jsonPath("$.influencers[0].evidence[0].occurredAt").value("2022-01-20T10:30:00Z"))
                .andExpect(jsonPath("$.influencers[0].evidence[0].influenceId").doesNotExist())
                .andExpect(
                        jsonPath("$.influencers[0].evidence[0].contributionId").doesNotExist())
                .andExpect(jsonPath("$.influencers[0].evidence[0].reflectionId").doesNotExist())
                .andExpect(jsonPath("$.influencers[0].evidence[0].summary").doesNotExist());
    }

    @Test
    void givenNoTimes_whenAsked_thenBothAreTheClocksNow() throws Exception {
        given(readModel.influencers(PROJECT, DECISION, new PointInTime(NOW, NOW)))
                .willReturn(ANSWER);

        mvc.perform(get(INFLUENCERS, PROJECT, DECISION)).andExpect(status().isOk());

        verify(readModel).influencers(PROJECT, DECISION, new PointInTime(NOW, NOW));
    }

    @Test
    void cannotAskAsOfAWordThatIsNoDate() throws Exception {
        mvc.perform(get(INFLUENCERS, PROJECT, DECISION).param("asOf", "yesterday"))
                .andExpect(invalid("asOf"));

        verifyNoInteractions(readModel);
    }

    @Test
    void cannotAskKnownAtAMalformedDate() throws Exception {
        mvc.perform(get(INFLUENCERS, PROJECT, DECISION).param("knownAt", "2022-13-01"))
                .andExpect(invalid("knownAt"));

        verifyNoInteractions(readModel);
    }

    @Test
    void givenAnUnknownProject_whenAsked_thenNotFoundNamingTheProject() throws Exception {
        given(readModel.influencers("nope", DECISION, new PointInTime(NOW, NOW)))
                .willThrow(RuleViolationException.notFound("projectId", "project nope is not registered"));

        mvc.perform(get(INFLUENCERS, "nope", DECISION)).andExpect(refused(HttpStatus.NOT_FOUND, "projectId"));
    }

    @Test
    void givenAnUnknownDecision_whenAsked_thenNotFoundNamingTheDecision() throws Exception {
        given(readModel.influencers(PROJECT, "d-never", new PointInTime(NOW, NOW)))
                .willThrow(RuleViolationException.notFound("decisionId", "decision d-never was never proposed"));

        mvc.perform(get(INFLUENCERS, PROJECT, "d-never")).andExpect(refused(HttpStatus.NOT_FOUND, "decisionId"));
    }

    // the decision list

    @Test
    void listsTheDecisionsWithStatusAndCounts() throws Exception {
        given(readModel.decisions(PROJECT, new PointInTime(AS_OF_INSTANT, NOW)))
                .willReturn(new DecisionList(
                        PROJECT,
                        AS_OF_INSTANT,
                        NOW,
                        List.of(new DecisionOverview(
                                DECISION,
                                "Pay peer researchers",
                                DecisionStatus.PROPOSED,
                                ANN,
                                PROPOSED_AT,
                                null,
                                null,
                                null,
                                2,
                                3))));

        mvc.perform(get(DECISIONS, PROJECT).param("asOf", AS_OF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].decisionId").value(DECISION))
                .andExpect(jsonPath("$.decisions[0].status").value("PROPOSED"))
                .andExpect(jsonPath("$.decisions[0].influencers").value(2))
                .andExpect(jsonPath("$.decisions[0].influences").value(3))
                .andExpect(jsonPath("$.decisions[0].outcome").doesNotExist());
    }

    @Test
    void givenAnUnknownProject_whenTheDecisionsAreListed_thenNotFound() throws Exception {
        given(readModel.decisions("nope", new PointInTime(NOW, NOW)))
                .willThrow(RuleViolationException.notFound("projectId", "project nope is not registered"));

        mvc.perform(get(DECISIONS, "nope")).andExpect(refused(HttpStatus.NOT_FOUND, "projectId"));
    }

    // influence by member and perspective

    @Test
    void summarisesInfluenceInOnePhaseWhenAPhaseIsGiven() throws Exception {
        given(readModel.summary(PROJECT, new PointInTime(NOW, KNOWN_AT_INSTANT), "design"))
                .willReturn(new InfluenceSummary(
                        PROJECT,
                        NOW,
                        KNOWN_AT_INSTANT,
                        "design",
                        2,
                        1,
                        List.of(new MemberInfluence(
                                BEN, "Ben Bell", "SERVICE_USER", 2, 1.0, 1, Map.of(InfluenceKind.SUPPORTED, 2))),
                        List.of(new PerspectiveInfluence(
                                "SERVICE_USER", 2, 1.0, 1, Map.of(InfluenceKind.SUPPORTED, 2)))));

        mvc.perform(get(INFLUENCE, PROJECT).param("knownAt", KNOWN_AT_DAY).param("phaseId", "design"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phaseId").value("design"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.members[0].memberId").value(BEN))
                .andExpect(jsonPath("$.members[0].share").value(1.0))
                .andExpect(jsonPath("$.members[0].kinds.SUPPORTED").value(2))
                .andExpect(jsonPath("$.perspectives[0].perspective").value("SERVICE_USER"));
    }

    @Test
    void summarisesTheWholeProjectWithoutAPhase() throws Exception {
        given(readModel.summary(PROJECT, new PointInTime(NOW, NOW), null))
                .willReturn(new InfluenceSummary(PROJECT, NOW, NOW, null, 0, 0, List.of(), List.of()));

        mvc.perform(get(INFLUENCE, PROJECT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phaseId").doesNotExist())
                .andExpect(jsonPath("$.total").value(0));

        verify(readModel).summary(PROJECT, new PointInTime(NOW, NOW), null);
    }

    @Test
    void givenAPhaseNotStarted_whenSummarised_thenNotFoundNamingThePhase() throws Exception {
        given(readModel.summary(PROJECT, new PointInTime(NOW, NOW), "analysis"))
                .willThrow(RuleViolationException.notFound("phaseId", "phase analysis had not started"));

        mvc.perform(get(INFLUENCE, PROJECT).param("phaseId", "analysis"))
                .andExpect(refused(HttpStatus.NOT_FOUND, "phaseId"));
    }
}
