package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.TextRules;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every account value must be, whether it comes from the API, a form of the UI or the first
 * start: the one place for these rules (the columns' lengths included, so that no face can hand
 * PostgreSQL a value it refuses). Collects every field at fault, then refuses them at once.
 */
final class AccountRules {

    /** GitHub-like logins, lower case: they double as @mentions and assignee names. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,37}[a-z0-9])?");
    static final Set<String> LANGUAGES = Set.of("fr", "en");
    static final int DISPLAY_NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int TOKEN_NAME_MAX = 100;
    static final int PASSWORD_MIN = 12;
    /** bcrypt only reads the first 72 bytes; a longer password would silently be truncated. */
    static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final List<FieldError> errors = new ArrayList<>();

    AccountRules username(String username) {
        if (username == null || username.isBlank()) {
            return add(FieldError.of("username", "required", "is required"));
        }
        if (!USERNAME.matcher(Users.normalize(username)).matches()) {
            add(FieldError.of("username", "username", "must be 1 to 39 lower-case letters, digits, '.', '_' or '-',"
                    + " starting and ending with a letter or digit"));
        }
        return this;
    }

    /** A display name given must say something: blank is refused rather than silently ignored. */
    AccountRules displayName(String displayName) {
        if (displayName != null && displayName.isBlank()) {
            return add(FieldError.of("displayName", "required", "must not be blank"));
        }
        return text("displayName", displayName == null ? null : displayName.strip(), DISPLAY_NAME_MAX);
    }

    /** Blank means "no e-mail address". */
    AccountRules email(String email) {
        if (email == null || email.isBlank()) {
            return this;
        }
        int before = errors.size();
        text("email", email.strip(), EMAIL_MAX);
        if (errors.size() == before && !EMAIL.matcher(email.strip()).matches()) {
            add(FieldError.of("email", "email", "must be a well-formed email address"));
        }
        return this;
    }

    AccountRules role(Role role) {
        return role == null ? add(FieldError.of("role", "required", "is required")) : this;
    }

    AccountRules password(String field, String raw) {
        if (raw == null || raw.length() < PASSWORD_MIN) {
            return add(FieldError.of(field, "password-too-short", "must be at least " + PASSWORD_MIN
                    + " characters long", PASSWORD_MIN));
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            return add(FieldError.of(field, "password-too-long", "must be at most " + PASSWORD_MAX_BYTES
                    + " bytes long", PASSWORD_MAX_BYTES));
        }
        return text(field, raw, 0);
    }

    /** Only for the operator's DESK_ADMIN_PASSWORD, which is theirs to choose: anything but nothing. */
    AccountRules anyPassword(String field, String raw) {
        return raw == null || raw.isEmpty() ? add(FieldError.of(field, "required", "must not be empty")) : this;
    }

    AccountRules language(String language) {
        if (language != null && !LANGUAGES.contains(language)) {
            add(FieldError.of("language", "language", "must be fr or en"));
        }
        return this;
    }

    AccountRules timeZone(String timeZone) {
        if (timeZone == null) {
            return this;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return add(FieldError.of("timeZone", "time-zone", "must be a time zone region such as Europe/Paris"));
        }
        if (zone instanceof ZoneOffset) {
            // A fixed offset ignores daylight saving time, which would shift every displayed deadline.
            add(FieldError.of("timeZone", "time-zone-offset", "use a region such as Europe/Paris, not an offset"));
        }
        return this;
    }

    AccountRules tokenName(String name) {
        if (name == null || name.isBlank()) {
            return add(FieldError.of("name", "required", "is required"));
        }
        return text("name", name.strip(), TOKEN_NAME_MAX);
    }

    /**
     * A scope is read, write or admin (none given: write); never wider than the asking credential's scope,
     * and admin only for an administrator.
     */
    AccountRules tokenScope(String scope, Role owner, TokenScope asking) {
        if (scope == null) {
            return this;
        }
        var parsed = TokenScope.parse(scope);
        if (parsed.isEmpty()) {
            return add(FieldError.of("scope", "not-one-of", "must be read, write or admin", scope, "read, write, admin"));
        }
        if (!parsed.get().grantableTo(owner)) {
            return add(FieldError.of("scope", "scope-above-role", "admin is for administrators' tokens"));
        }
        if (parsed.get().compareTo(asking) > 0) {
            add(FieldError.of("scope", "scope-above-token", "is wider than the token making this request ("
                    + asking.value() + ")", asking.value()));
        }
        return this;
    }

    /** Refuses every field at fault, or answers the scope asked for (write when none). */
    TokenScope checkedScope(String scope) {
        check();
        return scope == null ? TokenScope.WRITE : TokenScope.parse(scope).orElseThrow();
    }

    AccountRules add(FieldError error) {
        errors.add(error);
        return this;
    }

    /** Refuses every field at fault at once (400), or does nothing. */
    void check() {
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    private AccountRules text(String field, String value, int maxLength) {
        FieldError error = TextRules.problem(field, value, maxLength);
        return error == null ? this : add(error);
    }
}
