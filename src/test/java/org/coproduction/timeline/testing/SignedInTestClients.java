package org.coproduction.timeline.testing;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Every {@code TestRestTemplate} of a test context signs in with HTTP Basic as the site
 * administrator the tests' configuration bootstraps ({@code timeline.security.bootstrap-admin} in
 * {@code config/application.yml}), unless a request sets its own {@code Authorization} header. A
 * project that administrator registers or imports over HTTP makes it the project's coordinator, as
 * for anyone. Tests of the door itself ({@code access}) send their own credentials, or none.
 */
@Component
public class SignedInTestClients implements RestTemplateCustomizer {

    public static final String USERNAME = "test-admin";
    public static final String PASSWORD = "test-admin-password";

    @Override
    public void customize(RestTemplate restTemplate) {
        restTemplate.getInterceptors().add(new BasicAuthenticationInterceptor(USERNAME, PASSWORD));
    }
}
