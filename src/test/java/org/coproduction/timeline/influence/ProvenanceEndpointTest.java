package org.coproduction.timeline.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.timeline.influence.ProvenanceStudy.BEFORE_RETRACTION_KNOWN;
import static org.coproduction.timeline.influence.ProvenanceStudy.DECISION;
import static org.coproduction.timeline.influence.ProvenanceStudy.NEVER_PROPOSED;
import static org.coproduction.timeline.influence.ProvenanceStudy.NEVER_REGISTERED;
import static org.coproduction.timeline.influence.ProvenanceStudy.PROJECT;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** GET /api/projects/{p}/decisions/{d}/provenance over HTTP, against the imported study. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvenanceEndpointTest {

    private static final String PROVENANCE = "/api/projects/{projectId}/decisions/{decisionId}/provenance";
    private static final String TIMES = "?asOf={asOf}&knownAt={knownAt}";
    private static final MediaType PROV_JSON = MediaType.parseMediaType("application/prov+json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ON_THE_DAY = "2021-06-30";
    private static final String START_OF_THAT_DAY = "2021-06-30T00:00:00Z";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JsonLinesImporter importer;

    /** Once per class: a second import of the same lines would add nothing but time. */
    @BeforeAll
    void importStudy(@TempDir Path folder) {
        ProvenanceStudy.importInto(importer, folder);
    }

    private ResponseEntity<String> get(MediaType accept, String uri, Object... variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return http.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), String.class, variables);
    }

    @Test
    void answersWithAProvJsonDocumentForTheGivenTimes() throws Exception {
        ResponseEntity<String> response = get(
                MediaType.APPLICATION_JSON, PROVENANCE + TIMES, PROJECT, DECISION, ON_THE_DAY, BEFORE_RETRACTION_KNOWN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        JsonNode document = JSON.readTree(response.getBody());
        JsonNode bundle = document.path("entity").path("ct:bundle/" + PROJECT + "/" + DECISION);
        assertThat(bundle.path("ct:asOf").path("$").asText()).isEqualTo(START_OF_THAT_DAY);
        assertThat(bundle.path("ct:knownAt").path("$").asText()).isEqualTo(BEFORE_RETRACTION_KNOWN);
        assertThat(document.path("bundle")
                        .path("ct:bundle/" + PROJECT + "/" + DECISION)
                        .path("entity")
                        .has("ct:decision/" + DECISION))
                .isTrue();
    }

    @Test
    void answersAsProvJsonWhenAskedFor() {
        ResponseEntity<String> response = get(PROV_JSON, PROVENANCE, PROJECT, DECISION);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(PROV_JSON))
                .isTrue();
    }

    @Test
    void cannotDescribeAnUnknownDecision() throws Exception {
        ResponseEntity<String> response = get(MediaType.APPLICATION_JSON, PROVENANCE, PROJECT, NEVER_PROPOSED);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(response.getBody()).path("field").asText()).isEqualTo("decisionId");
    }

    @Test
    void cannotDescribeADecisionOfAnUnknownProject() throws Exception {
        ResponseEntity<String> response = get(MediaType.APPLICATION_JSON, PROVENANCE, NEVER_REGISTERED, DECISION);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(response.getBody()).path("field").asText()).isEqualTo("projectId");
    }

    @Test
    void refusesAMalformedAsOf() throws Exception {
        ResponseEntity<String> response =
                get(MediaType.APPLICATION_JSON, PROVENANCE + TIMES, PROJECT, DECISION, "30/06/2021", ON_THE_DAY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asText())
                .isEqualTo("asOf");
    }
}
