package org.coproduction.timeline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's first start: no accounts, the demo loaded. The site administrator's generated
 * password is in a file only its owner may read, and every demo member can sign in with it and
 * sees what their role allows.
 */
@SpringBootTest(
        webEnvironment = RANDOM_PORT,
        properties = {"timeline.security.bootstrap-admin=", "timeline.demo.load-on-empty-store=true"})
class FirstStartTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessBootstrap bootstrap;

    @Test
    void theFirstStartWritesTheAdministratorsPasswordForItsOwnerOnlyAndTheDemoMembersShareIt() throws Exception {
        Path file = bootstrap.passwordFile().orElseThrow();
        assertThat(file.getFileName()).hasToString(AccessBootstrap.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        Door.Answer admin = as("admin", password, "/api/me");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("siteRoles").get(0).asText()).isEqualTo("ADMIN");

        Door.Answer lead = as("helen-marsh", password, "/api/me");
        assertThat(lead.json().path("projects").get(0).path("role").asText()).isEqualTo("COORDINATOR");
        assertThat(lead.json().path("projects").get(0).path("memberId").asText())
                .isEqualTo("helen-marsh");

        Door.Answer member = as("tom-brennan", password, "/api/me");
        assertThat(member.json().path("projects").get(0).path("role").asText()).isEqualTo("MEMBER");
        // The timeline is a read model: it answers once its processor has handled the demo.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(as("tom-brennan", password, "/api/projects/peer-worker-study/timeline")
                                .status())
                        .isEqualTo(200));
        assertThat(as("tom-brennan", password, "/api/projects/peer-worker-study/events")
                        .status())
                .isEqualTo(403);
        assertThat(as("tom-brennan", password, "/api/admin/projections").status())
                .isEqualTo(403);
        assertThat(as("helen-marsh", password, "/api/projects/peer-worker-study/access")
                        .status())
                .isEqualTo(200);
    }

    private Door.Answer as(String username, String password, String path) {
        return new Door(port)
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes()))
                        .build());
    }
}
