package dev.maintenancedesk.accounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.maintenancedesk.accounts.InitialPassword;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account administration; the security configuration lets only ADMIN in. The values are checked by
 * {@link Users}, which the administration page shares.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private final Users users;
    private final TransactionOperations transactions;

    UsersController(Users users, TransactionOperations transactions) {
        this.users = users;
        this.transactions = transactions;
    }

    /** Without a password, one is generated and returned once in the answer. */
    record NewUser(String username, String displayName, String email, Role role, String password, String language,
            String timeZone) {}

    /** Absent fields stay as they are. */
    record UserChanges(Role role, Boolean enabled, String displayName, String email, String language,
            String timeZone, String password) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedUser(String username, String displayName, String email, Role role, String language,
            String timeZone, boolean enabled, String initialPassword) {

        CreatedUser(UserAccount user, String initialPassword) {
            this(user.username(), user.displayName(), user.email(), user.role(), user.language(), user.timeZone(),
                    user.enabled(), initialPassword);
        }
    }

    @GetMapping
    List<UserAccount> all() {
        return users.all();
    }

    @GetMapping("/{username}")
    UserAccount one(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> Users.unknown(username));
    }

    @PostMapping
    ResponseEntity<CreatedUser> create(@RequestBody NewUser request) {
        String generated = request.password() == null ? InitialPassword.generate() : null;
        UserAccount user = users.create(request.username(), request.displayName(), request.email(), request.role(),
                generated == null ? request.password() : generated, request.language(), request.timeZone());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                .body(new CreatedUser(user, generated));
    }

    @PatchMapping("/{username}")
    UserAccount update(@PathVariable String username, @RequestBody UserChanges changes) {
        // All or nothing: refusing to disable the last admin must not leave its new role applied.
        return transactions.execute(status -> {
            UserAccount user = users.updateProfile(username, changes.displayName(), changes.email(),
                    changes.language(), changes.timeZone());
            if (changes.password() != null) {
                // A password set by an administrator is temporary: its owner chooses their own at next login.
                users.resetPassword(user.username(), changes.password());
            }
            if (changes.role() != null) {
                user = users.changeRole(user.username(), changes.role());
            }
            if (changes.enabled() != null) {
                user = changes.enabled() ? users.enable(user.username()) : users.disable(user.username());
            }
            return user;
        });
    }
}
