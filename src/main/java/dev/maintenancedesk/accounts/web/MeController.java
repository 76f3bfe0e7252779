package dev.maintenancedesk.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** The current user: profile, password and personal API tokens. */
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
    record ProfileChanges(
            @Size(min = 1, max = 100) String displayName,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
            @TimeZoneId String timeZone) {}

    record PasswordChange(@NotNull String currentPassword, @NotNull @Size(min = 12, max = 72) String newPassword) {}

    record TokenRequest(@NotBlank @Size(max = 100) String name) {}

    @GetMapping
    UserAccount me(Authentication authentication) {
        return current(authentication);
    }

    @PatchMapping
    UserAccount update(Authentication authentication, @Valid @RequestBody ProfileChanges changes) {
        return users.updateProfile(current(authentication).username(), changes.displayName(), changes.email(),
                changes.language(), changes.timeZone());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Authentication authentication, @Valid @RequestBody PasswordChange change) {
        String username = current(authentication).username();
        // Asked even of token callers: a leaked token must not be enough to take the account over.
        if (!users.passwordMatches(username, change.currentPassword())) {
            throw new IllegalArgumentException("currentPassword: is not your current password");
        }
        users.changePassword(username, change.newPassword());
    }

    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.NewToken> createToken(Authentication authentication,
            @Valid @RequestBody TokenRequest request) {
        ApiTokens.NewToken token = tokens.create(current(authentication).username(), request.name().strip());
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
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no live token " + id + ".");
        }
    }

    private UserAccount current(Authentication authentication) {
        // The session may outlive the account; answering 401 makes the client log in again.
        return users.find(authentication.getName()).filter(UserAccount::enabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Your account no longer exists."));
    }
}
