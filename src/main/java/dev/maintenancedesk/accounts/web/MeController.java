package dev.maintenancedesk.accounts.web;

import dev.maintenancedesk.accounts.ApiTokens;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.problem.NotFound;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The current user: profile, password and personal API tokens. The values are checked by the accounts
 * module ({@link Users}, {@link ApiTokens}), which the profile page shares.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final Users users;
    private final ApiTokens tokens;

    MeController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** What a user may change about themselves; the role and the enabled flag are the admin's. */
    record ProfileChanges(String displayName, String email, String language, String timeZone) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    /** {@code scope}: read, write (when absent) or admin. */
    record TokenRequest(String name, String scope) {}

    @GetMapping
    UserAccount me(Authentication authentication) {
        return current(authentication);
    }

    @PatchMapping
    UserAccount update(Authentication authentication, @RequestBody ProfileChanges changes) {
        return users.updateProfile(current(authentication).username(), changes.displayName(), changes.email(),
                changes.language(), changes.timeZone());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Authentication authentication, @RequestBody PasswordChange change,
            jakarta.servlet.http.HttpServletRequest request) {
        users.changeOwnPassword(current(authentication).username(), change.currentPassword(), change.newPassword(),
                request.getRemoteAddr());
    }

    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.NewToken> createToken(Authentication authentication, @RequestBody TokenRequest request) {
        ApiTokens.NewToken token = tokens.create(authentication, request.name(), request.scope());
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id())).body(token);
    }

    @GetMapping("/tokens")
    List<ApiTokens.Token> tokens(Authentication authentication) {
        return tokens.list(current(authentication).username());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication authentication, @PathVariable long id) {
        if (!tokens.revoke(current(authentication).username(), id)) {
            throw new NotFound("token-not-found", "You have no live token " + id + ".", id);
        }
    }

    private UserAccount current(Authentication authentication) {
        // The session may outlive the account; answering 401 makes the client log in again.
        return users.find(authentication.getName()).filter(UserAccount::enabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Your account no longer exists."));
    }
}
