package org.coproduction.timeline.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A codebook goes out as a REFI-QDA .qdc and comes back in: into another project as the same
 * codebook, into its own project as no change, edited as a revision; a file that is not a codebook,
 * or that breaks a rule on one of its lines, changes nothing and names the line.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class QdcRoundTripTest {

    private static final String ADMIN = Door.ADMIN;

    @LocalServerPort
    int port;

    @Test
    void aCodebookExportedAndImportedIsTheSameCodebook() {
        Door door = new Door(port);
        String from = "qdc-from-" + UUID.randomUUID().toString().substring(0, 8);
        String to = "qdc-to-" + UUID.randomUUID().toString().substring(0, 8);
        door.project(ADMIN, from);
        door.member(ADMIN, from, "ann", "Ann Archer", "ACADEMIC");
        door.project(ADMIN, to);
        door.member(ADMIN, to, "bea", "Bea Bell", "SERVICE_USER");
        define(door, from, Map.of("code", "power", "name", "Power & <say>", "description", "Who decides. 🙂"));
        define(door, from, Map.of("code", "tokenism", "name", "Tokenism", "parent", "power"));
        define(door, from, Map.of("code", "voice", "name", "Voice"));
        String qdc = door.send(ADMIN, "GET", "/api/projects/" + from + "/codebook.qdc", null)
                .body();

        Door.Answer into = bring(door, to, "bea", qdc);
        assertThat(into.status()).as(into.body()).isEqualTo(201);
        assertThat(into.json().get("defined").asInt()).isEqualTo(3);
        assertThat(tree(door, to)).isEqualTo(tree(door, from));

        Door.Answer again = bring(door, from, "ann", qdc);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);

        Door.Answer edited = bring(door, from, "ann", qdc.replace("name=\"Voice\"", "name=\"Being heard\""));
        assertThat(edited.status()).as(edited.body()).isEqualTo(201);
        assertThat(edited.json().get("revised").asInt()).isEqualTo(1);
        assertThat(tree(door, from)).contains("0 Being heard | ");
    }

    @Test
    void aFileThatIsNotACodebookOrBreaksARuleChangesNothingAndNamesTheLine() {
        Door door = new Door(port);
        String project = "qdc-bad-" + UUID.randomUUID().toString().substring(0, 8);
        door.project(ADMIN, project);
        door.member(ADMIN, project, "ann", "Ann Archer", "ACADEMIC");
        String head =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes>\n";

        Door.Answer notACodebook = bring(
                door, project, "ann", head + "<Code name=\"Power\" isCodable=\"true\"/>\n</Codes>\n</CodeBook>\n");
        assertThat(notACodebook.status()).isEqualTo(400);
        assertThat(notACodebook.body()).contains("\"field\":\"file\"").contains("line 4");

        Door.Answer ipa = bring(
                door,
                project,
                "ann",
                head + "<Code guid=\"" + UUID.randomUUID() + "\" name=\"Power\" isCodable=\"true\"/>\n"
                        + "<Code guid=\"" + UUID.randomUUID() + "\" name=\"GIVES_OPINION\" isCodable=\"true\"/>\n"
                        + "</Codes>\n</CodeBook>\n");
        assertThat(ipa.status()).isEqualTo(409);
        assertThat(ipa.body()).contains("line 5");
        assertThat(door.send(ADMIN, "GET", "/api/projects/" + project + "/codebook", null)
                        .json()
                        .get("codes"))
                .as("nothing of the file is recorded")
                .isEmpty();

        Door.Answer doctype = bring(
                door,
                project,
                "ann",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"" + UUID.randomUUID()
                        + "\" name=\"&e;\" isCodable=\"true\"/></Codes></CodeBook>");
        assertThat(doctype.status()).isEqualTo(400);
        assertThat(doctype.body()).doesNotContain("root:");
    }

    private static void define(Door door, String project, Map<String, Object> code) {
        Map<String, Object> body = new HashMap<>(code);
        body.put("changedBy", "ann");
        body.put("occurredAt", "2024-01-03");
        Door.Answer answer = door.send(ADMIN, "POST", "/api/projects/" + project + "/codebook/codes", Door.json(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static Door.Answer bring(Door door, String project, String member, String qdc) {
        return door.send(
                ADMIN,
                "POST",
                "/api/projects/" + project + "/codebook.qdc?changedBy=" + member + "&occurredAt=2024-01-04",
                qdc,
                "application/xml");
    }

    /** The codebook as "depth name | description", in tree order. */
    private static List<String> tree(Door door, String project) {
        JsonNode codes = door.send(ADMIN, "GET", "/api/projects/" + project + "/codebook", null)
                .json()
                .get("codes");
        List<String> tree = new ArrayList<>();
        codes.forEach(c -> tree.add(c.get("depth").asInt() + " " + c.get("name").asText() + " | "
                + c.path("description").asText("")));
        return tree;
    }
}
