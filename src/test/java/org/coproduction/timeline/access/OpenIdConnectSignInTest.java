package org.coproduction.timeline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OpenID Connect switched on by configuration alone (docs/deploy.md's properties, with the
 * provider's endpoints named so that nothing is fetched): the login page is offered it, and signing
 * in with it goes to the provider with this application's client id and the openid scope.
 */
@SpringBootTest(
        webEnvironment = RANDOM_PORT,
        properties = {
            "spring.security.oauth2.client.registration.university.client-name=University login",
            "spring.security.oauth2.client.registration.university.client-id=coproduction-timeline",
            "spring.security.oauth2.client.registration.university.client-secret=not-a-real-secret",
            "spring.security.oauth2.client.registration.university.scope=openid,email,profile",
            "spring.security.oauth2.client.registration.university.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.university.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.university.authorization-uri=https://login.uni.example/auth",
            "spring.security.oauth2.client.provider.university.token-uri=https://login.uni.example/token",
            "spring.security.oauth2.client.provider.university.jwk-set-uri=https://login.uni.example/certs",
            "spring.security.oauth2.client.provider.university.user-name-attribute=sub"
        })
class OpenIdConnectSignInTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginPageOffersTheProviderAndSigningInGoesThere() {
        Door door = new Door(port);
        Door.Answer options = door.send(null, "GET", "/api/sign-in/options", null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.json().get(0).path("name").asText()).isEqualTo("University login");
        assertThat(options.json().get(0).path("url").asText()).isEqualTo("/oauth2/authorization/university");

        Door.Answer start = door.send(null, "GET", "/oauth2/authorization/university", null);
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://login.uni.example/auth?")
                .contains("client_id=coproduction-timeline")
                .contains("scope=openid")
                .contains("redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/university"));

        // Everything else still needs an account.
        assertThat(door.send(null, "GET", "/api/projects", null).status()).isEqualTo(401);
    }
}
