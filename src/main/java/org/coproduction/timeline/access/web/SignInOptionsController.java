package org.coproduction.timeline.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the login page offers besides a password: the configured identity providers. */
@RestController
@Tag(name = "Accounts and access")
class SignInOptionsController {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInOptionsController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    record Provider(String name, String url) {}

    @GetMapping("/api/sign-in/options")
    @Operation(summary = "The identity providers the login page offers (no sign-in needed)")
    List<Provider> options() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
            for (ClientRegistration registration : repository) {
                providers.add(new Provider(
                        registration.getClientName(), "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        return providers;
    }
}
