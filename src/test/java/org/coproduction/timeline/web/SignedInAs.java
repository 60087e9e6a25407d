package org.coproduction.timeline.web;

import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.access.Account;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.Grant;
import org.coproduction.timeline.access.api.ProjectRole;

/** An adapter test's signed-in account: a mocked {@link CurrentAccount} answering it. */
public final class SignedInAs {

    private SignedInAs() {}

    /** Signs in as an account with {@code role} in the project, linked to member {@code memberId}. */
    public static void signedInAs(CurrentAccount current, String projectId, ProjectRole role, String memberId) {
        Account account = new Account("someone", "Someone", null, false, Instant.EPOCH);
        Grant grant = new Grant(projectId, "someone", role, memberId, Instant.EPOCH, null);
        given(current.get()).willReturn(Optional.of(new SignedIn(account, Map.of(projectId, grant))));
    }
}
