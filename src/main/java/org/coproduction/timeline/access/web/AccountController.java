package org.coproduction.timeline.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.coproduction.timeline.access.Account;
import org.coproduction.timeline.access.Accounts;
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.api.AuditEntry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and the whole audit trail, for the site administrator. */
@RestController
@Tag(name = "Accounts and access")
class AccountController {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final CurrentAccount current;

    AccountController(Accounts accounts, AuditTrail audit, CurrentAccount current) {
        this.accounts = accounts;
        this.audit = audit;
        this.current = current;
    }

    record NewAccount(String username, String password, String displayName, String email) {}

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account (site role ADMIN); the password is kept hashed and never returned")
    Account create(@RequestBody NewAccount r) {
        if (r.password() == null || r.password().isEmpty()) {
            throw new org.coproduction.timeline.api.InvalidFieldException("password", "is required");
        }
        return accounts.create(r.username(), r.password(), r.displayName(), r.email(), false, current.username());
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "List the accounts (site role ADMIN)")
    List<Account> list() {
        return accounts.all();
    }

    @GetMapping("/api/audit")
    @Operation(
            summary =
                    "The whole audit trail, newest first: accounts, sign-ins, grants, exports, imports (site role ADMIN)")
    List<AuditEntry> audit() {
        return audit.all();
    }
}
