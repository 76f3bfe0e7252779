package dev.maintenancedesk.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionOperations;

/** Account administration; the security configuration lets only ADMIN in. */
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
    record NewUser(
            @NotBlank @Pattern(regexp = Users.USERNAME_PATTERN, message = "must be 1 to 39 lower-case letters, digits, '.', '_' or '-', starting and ending with a letter or digit") String username,
            @Size(max = 100) String displayName,
            @Email @Size(max = 254) String email,
            @NotNull Role role,
            @Size(min = 12, max = 72) String password,
            @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
            @TimeZoneId String timeZone) {}

    /** Absent fields stay as they are. */
    record UserChanges(
            Role role,
            Boolean enabled,
            @Size(min = 1, max = 100) String displayName,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
            @TimeZoneId String timeZone,
            @Size(min = 12, max = 72) String password) {}

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
        return users.find(username).orElseThrow(() -> new UnknownUserException(username));
    }

    @PostMapping
    ResponseEntity<CreatedUser> create(@Valid @RequestBody NewUser request) {
        String generated = request.password() == null ? FirstStart.generatePassword() : null;
        UserAccount user = transactions.execute(status -> {
            UserAccount created = users.create(request.username(), request.displayName(), request.email(),
                    request.role(), generated == null ? request.password() : generated);
            return users.updateProfile(created.username(), null, null, request.language(), request.timeZone());
        });
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                .body(new CreatedUser(user, generated));
    }

    @PatchMapping("/{username}")
    UserAccount update(@PathVariable String username, @Valid @RequestBody UserChanges changes) {
        // All or nothing: refusing to disable the last admin must not leave its new role applied.
        return transactions.execute(status -> {
            UserAccount user = users.updateProfile(username, changes.displayName(), changes.email(),
                    changes.language(), changes.timeZone());
            if (changes.password() != null) {
                users.changePassword(user.username(), changes.password());
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
