package org.coproduction.timeline.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduction.timeline.influence.ProvenanceStudy.BEFORE_DECIDED;
import static org.coproduction.timeline.influence.ProvenanceStudy.BEFORE_RETRACTION_KNOWN;
import static org.coproduction.timeline.influence.ProvenanceStudy.CONTRIBUTION;
import static org.coproduction.timeline.influence.ProvenanceStudy.DECIDED_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.DECISION;
import static org.coproduction.timeline.influence.ProvenanceStudy.HELEN;
import static org.coproduction.timeline.influence.ProvenanceStudy.HELEN_NAME;
import static org.coproduction.timeline.influence.ProvenanceStudy.LATER;
import static org.coproduction.timeline.influence.ProvenanceStudy.LIVED_EXPERIENCE;
import static org.coproduction.timeline.influence.ProvenanceStudy.LIVED_EXPERIENCE_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.LIVED_EXPERIENCE_LINE;
import static org.coproduction.timeline.influence.ProvenanceStudy.LIVED_EXPERIENCE_RECORDED_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.MEETING;
import static org.coproduction.timeline.influence.ProvenanceStudy.NEVER_PROPOSED;
import static org.coproduction.timeline.influence.ProvenanceStudy.OPPOSITION;
import static org.coproduction.timeline.influence.ProvenanceStudy.OUTCOME;
import static org.coproduction.timeline.influence.ProvenanceStudy.PRIVATE_TEXT;
import static org.coproduction.timeline.influence.ProvenanceStudy.PRIYA;
import static org.coproduction.timeline.influence.ProvenanceStudy.PROJECT;
import static org.coproduction.timeline.influence.ProvenanceStudy.PROPOSED_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.PROPOSED_LINE;
import static org.coproduction.timeline.influence.ProvenanceStudy.REFLECTED_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.REFLECTION;
import static org.coproduction.timeline.influence.ProvenanceStudy.SAM;
import static org.coproduction.timeline.influence.ProvenanceStudy.SAM_NAME;
import static org.coproduction.timeline.influence.ProvenanceStudy.SAM_SPEAKS_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.SUPPORT;
import static org.coproduction.timeline.influence.ProvenanceStudy.SUPPORTED_AT;
import static org.coproduction.timeline.influence.ProvenanceStudy.SUPPORTED_LINE;
import static org.coproduction.timeline.influence.ProvenanceStudy.TITLE;
import static org.coproduction.timeline.influence.ProvenanceStudy.TOM;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.influence.query.DecisionProvenance;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The PROV-JSON provenance of a decision, folded from an imported study: valid against the schema, and true to it. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema PROV_JSON = loadSchema();

    private static final String BUNDLE = "ct:bundle/" + PROJECT + "/" + DECISION;
    private static final String DECISION_ENTITY = "ct:decision/" + DECISION;
    private static final String MAKING = "ct:making/" + DECISION;
    private static final String CONTRIBUTION_ENTITY = "ct:contribution/" + CONTRIBUTION;
    private static final String REFLECTION_ENTITY = "ct:reflection/" + REFLECTION;
    private static final String DATE_TIME = "xsd:dateTime";

    private static final InterchangeFile STUDY = ProvenanceStudy.file();

    @Autowired
    DecisionProvenance provenance;

    @Autowired
    JsonLinesImporter importer;

    /** Once per class: a second import of the same lines would add nothing but time. */
    @BeforeAll
    void importStudy(@TempDir Path folder) {
        ProvenanceStudy.importInto(importer, folder);
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = DecisionProvenanceTest.class.getResourceAsStream("/prov/prov-json-schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode document(String asOf, String knownAt) {
        return JSON.valueToTree(
                provenance.document(PROJECT, DECISION, new PointInTime(Instant.parse(asOf), Instant.parse(knownAt))));
    }

    private static JsonNode bundle(JsonNode document) {
        return document.path("bundle").path(BUNDLE);
    }

    private static JsonNode dateTime(String instant) {
        return JSON.createObjectNode().put("$", instant).put("type", DATE_TIME);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void isValidProvJsonBeforeAndAfterTheDecisionIsMade() {
        assertThat(PROV_JSON.validate(document(LATER, LATER))).isEmpty();
        assertThat(PROV_JSON.validate(document(BEFORE_DECIDED, LATER))).isEmpty();
    }

    /** Shows the schema check can fail: PROV-JSON times are plain strings, not typed literals. */
    @Test
    void schemaRefusesATimeWrittenAsATypedLiteral() {
        JsonNode document = document(LATER, LATER);
        ((ObjectNode) bundle(document).path("wasGeneratedBy").path("ct:generation/" + DECISION))
                .set("prov:time", dateTime(DECIDED_AT));

        Set<ValidationMessage> errors = PROV_JSON.validate(document);

        assertThat(errors).isNotEmpty();
    }

    @Test
    void describesTheBundleWithItsAsOfAndKnownAt() {
        JsonNode document = document(LATER, BEFORE_RETRACTION_KNOWN);

        assertThat(document.path("prefix").path("ct").asText()).isEqualTo(DecisionProvenance.NAMESPACE);
        JsonNode described = document.path("entity").path(BUNDLE);
        assertThat(described.path("ct:asOf")).isEqualTo(dateTime(LATER));
        assertThat(described.path("ct:knownAt")).isEqualTo(dateTime(BEFORE_RETRACTION_KNOWN));
        assertThat(described.path("prov:type").path("$").asText()).isEqualTo("prov:Bundle");
        assertThat(bundle(document).isObject()).isTrue();
    }

    @Test
    void describesTheDecisionAsAnEntity() {
        JsonNode decision = bundle(document(LATER, LATER)).path("entity").path(DECISION_ENTITY);

        assertThat(decision.path("ct:title").asText()).isEqualTo(TITLE);
        assertThat(decision.path("ct:status").asText()).isEqualTo("MADE");
        assertThat(decision.path("ct:outcome").asText()).isEqualTo(OUTCOME);
        assertThat(decision.path("ct:method").asText()).isEqualTo("CONSENSUS");
    }

    @Test
    void givenDecisionMade_whenDescribed_thenTheActivityThatMadeItHasItsTimeAndDeciders() {
        JsonNode bundle = bundle(document(LATER, LATER));

        JsonNode making = bundle.path("activity").path(MAKING);
        assertThat(making.path("prov:startTime").asText()).isEqualTo(DECIDED_AT);
        assertThat(making.path("prov:endTime").asText()).isEqualTo(DECIDED_AT);
        JsonNode generation = bundle.path("wasGeneratedBy").path("ct:generation/" + DECISION);
        assertThat(generation.path("prov:entity").asText()).isEqualTo(DECISION_ENTITY);
        assertThat(generation.path("prov:activity").asText()).isEqualTo(MAKING);
        assertThat(generation.path("prov:time").asText()).isEqualTo(DECIDED_AT);
        List<String> deciders = new ArrayList<>();
        bundle.path("wasAssociatedWith").forEach(association -> {
            assertThat(association.path("prov:activity").asText()).isEqualTo(MAKING);
            deciders.add(association.path("prov:agent").asText());
        });
        assertThat(deciders).containsExactly("ct:member/" + HELEN, "ct:member/" + SAM);
    }

    @Test
    void givenDecisionOnlyProposed_whenDescribed_thenNoActivityMadeIt() {
        JsonNode bundle = bundle(document(BEFORE_DECIDED, LATER));

        assertThat(bundle.path("entity").path(DECISION_ENTITY).path("ct:status").asText())
                .isEqualTo("PROPOSED");
        assertThat(bundle.has("activity")).isFalse();
        assertThat(bundle.has("wasGeneratedBy")).isFalse();
        assertThat(bundle.has("wasAssociatedWith")).isFalse();
    }

    @Test
    void givenDecisionRecordedAfterKnownAt_whenDescribed_thenItIsNotYetProposedAndUninfluenced() {
        JsonNode bundle = bundle(document(LATER, ProvenanceStudy.SET_UP_RECORDED_AT));

        assertThat(bundle.path("entity").path(DECISION_ENTITY).path("ct:status").asText())
                .isEqualTo("NOT_YET_PROPOSED");
        assertThat(bundle.has("wasInfluencedBy")).isFalse();
        assertThat(bundle.has("activity")).isFalse();
    }

    @Test
    void describesEveryMemberAsAPersonWithNameRoleAndPerspectives() {
        JsonNode agents = bundle(document(LATER, LATER)).path("agent");

        assertThat(names(agents))
                .containsExactlyInAnyOrder("ct:member/" + HELEN, "ct:member/" + SAM, "ct:member/" + PRIYA);
        JsonNode helen = agents.path("ct:member/" + HELEN);
        assertThat(helen.path("prov:type").path("$").asText()).isEqualTo("prov:Person");
        assertThat(helen.path("ct:name").asText()).isEqualTo(HELEN_NAME);
        assertThat(helen.path("ct:role").asText()).isEqualTo("CHIEF_INVESTIGATOR");
        assertThat(helen.path("ct:perspectives").toString()).isEqualTo("[\"ACADEMIC\",\"CLINICIAN\"]");
        JsonNode sam = agents.path("ct:member/" + SAM);
        assertThat(sam.path("ct:name").asText()).isEqualTo(SAM_NAME);
        assertThat(sam.path("ct:role").asText()).isEqualTo("SERVICE_USER_RESEARCHER");
    }

    @Test
    void givesOneInfluencePerEvidenceItemWithItsKindTimesAndEvent() {
        JsonNode influences = bundle(document(LATER, LATER)).path("wasInfluencedBy");

        assertThat(names(influences))
                .containsExactly(
                        "ct:proposal/" + DECISION, "ct:influence/" + SUPPORT, "ct:influence/" + LIVED_EXPERIENCE);
        influences.forEach(influence ->
                assertThat(influence.path("prov:influencee").asText()).isEqualTo(DECISION_ENTITY));

        JsonNode proposal = influences.path("ct:proposal/" + DECISION);
        assertThat(proposal.path("prov:influencer").asText()).isEqualTo("ct:member/" + HELEN);
        assertThat(proposal.path("ct:kind").asText()).isEqualTo("PROPOSED");
        assertThat(proposal.path("ct:occurredAt")).isEqualTo(dateTime(PROPOSED_AT));
        assertThat(proposal.path("ct:eventId").asText()).isEqualTo(STUDY.eventId(PROPOSED_LINE));

        JsonNode support = influences.path("ct:influence/" + SUPPORT);
        assertThat(support.path("prov:influencer").asText()).isEqualTo("ct:member/" + SAM);
        assertThat(support.path("ct:kind").asText()).isEqualTo("SUPPORTED");
        assertThat(support.path("ct:occurredAt")).isEqualTo(dateTime(SUPPORTED_AT));
        assertThat(support.path("ct:eventId").asText()).isEqualTo(STUDY.eventId(SUPPORTED_LINE));

        JsonNode livedExperience = influences.path("ct:influence/" + LIVED_EXPERIENCE);
        assertThat(livedExperience.path("prov:influencer").asText()).isEqualTo("ct:member/" + PRIYA);
        assertThat(livedExperience.path("ct:kind").asText()).isEqualTo("LIVED_EXPERIENCE");
        assertThat(livedExperience.path("ct:occurredAt")).isEqualTo(dateTime(LIVED_EXPERIENCE_AT));
        assertThat(livedExperience.path("ct:recordedAt")).isEqualTo(dateTime(LIVED_EXPERIENCE_RECORDED_AT));
        assertThat(livedExperience.path("ct:eventId").asText()).isEqualTo(STUDY.eventId(LIVED_EXPERIENCE_LINE));
    }

    @Test
    void derivesTheDecisionFromTheContributionAnInfluenceCitesAttributedToItsSpeaker() {
        JsonNode bundle = bundle(document(LATER, LATER));

        JsonNode derivation = bundle.path("wasDerivedFrom").path("ct:derivation/" + SUPPORT + "/contribution");
        assertThat(derivation.path("prov:generatedEntity").asText()).isEqualTo(DECISION_ENTITY);
        assertThat(derivation.path("prov:usedEntity").asText()).isEqualTo(CONTRIBUTION_ENTITY);
        assertThat(derivation.path("ct:kind").asText()).isEqualTo("SUPPORTED");
        assertThat(derivation.path("ct:occurredAt")).isEqualTo(dateTime(SUPPORTED_AT));
        JsonNode contribution = bundle.path("entity").path(CONTRIBUTION_ENTITY);
        assertThat(contribution.path("ct:meetingId").asText()).isEqualTo(MEETING);
        assertThat(contribution.path("ct:category").asText()).isEqualTo("GIVES_SUGGESTION");
        assertThat(contribution.path("ct:occurredAt")).isEqualTo(dateTime(SAM_SPEAKS_AT));
        JsonNode attribution = bundle.path("wasAttributedTo").path("ct:attribution/contribution/" + CONTRIBUTION);
        assertThat(attribution.path("prov:entity").asText()).isEqualTo(CONTRIBUTION_ENTITY);
        assertThat(attribution.path("prov:agent").asText()).isEqualTo("ct:member/" + SAM);
    }

    @Test
    void givenRetractionRecorded_whenKnownAtBeforeIt_thenTheRetractedInfluenceStillCounts() {
        JsonNode bundle = bundle(document(LATER, BEFORE_RETRACTION_KNOWN));

        JsonNode opposition = bundle.path("wasInfluencedBy").path("ct:influence/" + OPPOSITION);
        assertThat(opposition.path("prov:influencer").asText()).isEqualTo("ct:member/" + TOM);
        assertThat(opposition.path("ct:kind").asText()).isEqualTo("OPPOSED");
        assertThat(bundle.path("agent").has("ct:member/" + TOM)).isTrue();
    }

    @Test
    void givenRetractionRecorded_whenKnownAtAfterIt_thenTheRetractedInfluenceIsGoneAtEveryValidTime() {
        for (String asOf : List.of(BEFORE_DECIDED, LATER)) {
            JsonNode bundle = bundle(document(asOf, LATER));

            assertThat(bundle.path("wasInfluencedBy").has("ct:influence/" + OPPOSITION))
                    .as("asOf %s", asOf)
                    .isFalse();
            assertThat(bundle.path("agent").has("ct:member/" + TOM))
                    .as("asOf %s", asOf)
                    .isFalse();
        }
    }

    @Test
    void givesAPrivateReflectionItsAuthorVisibilityAndTimeButNeverItsText() throws Exception {
        JsonNode document = document(LATER, LATER);
        JsonNode bundle = bundle(document);

        JsonNode reflection = bundle.path("entity").path(REFLECTION_ENTITY);
        assertThat(names(reflection))
                .containsExactlyInAnyOrder("prov:type", "ct:reflectionId", "ct:visibility", "ct:occurredAt");
        assertThat(reflection.path("ct:visibility").asText()).isEqualTo("PRIVATE");
        assertThat(reflection.path("ct:occurredAt")).isEqualTo(dateTime(REFLECTED_AT));
        JsonNode derivation = bundle.path("wasDerivedFrom").path("ct:derivation/" + LIVED_EXPERIENCE + "/reflection");
        assertThat(derivation.path("prov:usedEntity").asText()).isEqualTo(REFLECTION_ENTITY);
        assertThat(bundle.path("wasAttributedTo")
                        .path("ct:attribution/reflection/" + REFLECTION)
                        .path("prov:agent")
                        .asText())
                .isEqualTo("ct:member/" + PRIYA);
        assertThat(JSON.writeValueAsString(document))
                .doesNotContain(PRIVATE_TEXT)
                .doesNotContain("nearly walked");
    }

    @Test
    void cannotDescribeADecisionTheRecordDoesNotHold() {
        Instant later = Instant.parse(LATER);

        assertThatThrownBy(() -> provenance.document(PROJECT, NEVER_PROPOSED, new PointInTime(later, later)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("decisionId");
                });
    }
}
