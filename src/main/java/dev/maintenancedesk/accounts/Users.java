package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import dev.maintenancedesk.problem.TooManyAttempts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The people who use the desk. Other modules ask it whether a name is a real user and what they may
 * do ({@code users.find("bob").filter(u -> u.enabled() && u.role().atLeast(Role.DEVELOPER))}).
 */
@Service
public class Users {

    static final String DEFAULT_LANGUAGE = "fr";
    static final String DEFAULT_TIME_ZONE = "Europe/Paris";

    /** The audit trail of password changes (who, from where, right or wrong current password). */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("dev.maintenancedesk.audit");

    private static final String COLUMNS = "username, display_name, email, role, language, time_zone, enabled";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final GuessingBrake brake;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Sessions sessions, TransactionOperations transactions,
            GuessingBrake brake) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
        this.brake = brake;
    }

    /** The user with this name, whatever its case; disabled users are returned too (check {@code enabled}). */
    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        if (username == null || username.isBlank() || !searchable(username)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?")
                .param(normalize(username)).query(Users::account).optional();
    }

    /** Every user, by username. */
    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(Users::account).list();
    }

    /** Enabled users holding at least this role (e.g. the leads to notify of an SLA breach). */
    @Transactional(readOnly = true)
    public List<UserAccount> withRoleAtLeast(Role role) {
        return all().stream().filter(u -> u.enabled() && u.role().atLeast(role)).toList();
    }

    /**
     * Creates an enabled user with the default language and time zone.
     *
     * @throws InvalidInput naming every field at fault
     * @throws Conflict if the username is taken
     */
    @Transactional
    public UserAccount create(String username, String displayName, String email, Role role, String rawPassword) {
        return create(username, displayName, email, role, rawPassword, null, null);
    }

    /** Creates an enabled user; a null language or time zone takes the default. */
    @Transactional
    public UserAccount create(String username, String displayName, String email, Role role, String rawPassword,
            String language, String timeZone) {
        AccountRules rules = new AccountRules().username(username).displayName(blankToNull(displayName)).email(email)
                .role(role).password("password", rawPassword).language(language).timeZone(timeZone);
        rules.check();
        return insert(username, displayName, email, role, rawPassword, language, timeZone);
    }

    /**
     * Only for the first start: the operator's DESK_ADMIN_PASSWORD, which is theirs to choose (no password
     * policy, not temporary), or a generated one, which is {@code temporary}: changed at the first login.
     */
    UserAccount createWithOperatorPassword(String username, String displayName, Role role, String rawPassword,
            boolean temporary) {
        new AccountRules().username(username).displayName(displayName).role(role).anyPassword("password", rawPassword)
                .check();
        return insert(username, displayName, null, role, rawPassword, null, null, temporary);
    }

    private UserAccount insert(String username, String displayName, String email, Role role, String rawPassword,
            String language, String timeZone) {
        return insert(username, displayName, email, role, rawPassword, language, timeZone, false);
    }

    private UserAccount insert(String username, String displayName, String email, Role role, String rawPassword,
            String language, String timeZone, boolean temporary) {
        String name = normalize(username);
        try {
            jdbc.sql("""
                    INSERT INTO users (username, display_name, email, password_hash, role, language, time_zone, enabled,
                        created_at, must_change_password)
                    VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                    .params(name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                            blankToNull(email), passwords.encode(rawPassword), role.name(),
                            language == null ? DEFAULT_LANGUAGE : language,
                            timeZone == null ? DEFAULT_TIME_ZONE : timeZone, OffsetDateTime.now(clock), temporary)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("user-exists", "A user named " + name + " already exists.", name);
        }
        return require(name);
    }

    /**
     * Changes a user's role. Their open sessions are ended so that the new role applies at once
     * rather than at their next login.
     */
    @Transactional
    public UserAccount changeRole(String username, Role role) {
        UserAccount user = require(username);
        if (user.role() == role) {
            return user;
        }
        if (user.role() == Role.ADMIN && user.enabled()) {
            keepAnotherAdmin(user.username());
        }
        jdbc.sql("UPDATE users SET role = ? WHERE username = ?").params(role.name(), user.username()).update();
        sessions.endAllOf(user.username());
        return require(user.username());
    }

    /** Disables a user: they can no longer log in, their sessions end and their API tokens stop working. */
    @Transactional
    public UserAccount disable(String username) {
        return setEnabled(username, false);
    }

    @Transactional
    public UserAccount enable(String username) {
        return setEnabled(username, true);
    }

    /**
     * Changes profile fields; a {@code null} argument leaves its field as it is, a blank e-mail removes it.
     *
     * @throws InvalidInput naming every field at fault
     */
    @Transactional
    public UserAccount updateProfile(String username, String displayName, String email, String language,
            String timeZone) {
        UserAccount user = require(username);
        new AccountRules().displayName(displayName).email(email).language(language).timeZone(timeZone).check();
        jdbc.sql("UPDATE users SET display_name = ?, email = ?, language = ?, time_zone = ? WHERE username = ?")
                .params(displayName == null ? user.displayName() : displayName.strip(),
                        email == null ? user.email() : blankToNull(email),
                        language == null ? user.language() : language,
                        timeZone == null ? user.timeZone() : timeZone,
                        user.username())
                .update();
        return require(user.username());
    }

    /**
     * An administrator sets a temporary password: checked by the password policy, stored, and marked as
     * to be changed by its owner at their next login; their sessions end (a reset usually means the old
     * one leaked) and a pause after wrong passwords is lifted. Their API tokens keep working.
     *
     * @throws InvalidInput when the password breaks the policy
     */
    @Transactional
    public void resetPassword(String username, String rawPassword) {
        UserAccount user = require(username);
        new AccountRules().password("password", rawPassword).check();
        storePassword(user, rawPassword, true, null);
    }

    /** As {@link #resetPassword(String, String)} with a generated password, returned to be shown once. */
    @Transactional
    public String resetPasswordGenerated(String username) {
        String generated = InitialPassword.generate();
        resetPassword(username, generated);
        return generated;
    }

    /** Whether the user's password is temporary (set by someone else): they must choose their own first. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        if (username == null || !searchable(username)) {
            return false;
        }
        return jdbc.sql("SELECT must_change_password FROM users WHERE username = ?").param(normalize(username))
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * The user's own change, as the API asks it: the current password is asked even of token callers, so
     * that a leaked token is not enough to take the account over. Every session of the user ends.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String address) {
        changeOwnPassword(username, currentPassword, newPassword, null, null, address);
    }

    /**
     * The user's own change, from {@code address}. The current password is guessed at like a login and slowed
     * alike ({@link GuessingBrake}: counted before it is compared, so that parallel guesses cannot slip past;
     * {@link TooManyAttempts}, 429, while the brake holds); each attempt is written to the audit log. The new password must follow the policy, differ from the current one and, when
     * a {@code confirmation} is given (the pages ask for the new one twice), equal it. Every field at fault
     * is refused at once (400). On success the password is no longer temporary and the user's sessions end,
     * but {@code keepSession} (the page's own session, or null).
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String confirmation,
            String keepSession, String address) {
        UserAccount user = require(username);
        brake.attempt(user.username(), address);
        boolean matches = passwordMatches(user.username(), currentPassword);
        log.info("password change by {} from {}: current password {}", user.username(), address,
                matches ? "right" : "wrong");
        AccountRules rules = new AccountRules();
        if (!matches) {
            rules.add(FieldError.of("currentPassword", "wrong-password", "is not your current password"));
        }
        rules.password("newPassword", newPassword);
        if (matches && newPassword != null && newPassword.equals(currentPassword)) {
            rules.add(FieldError.of("newPassword", "password-unchanged", "must differ from the current password"));
        }
        if (confirmation != null && !confirmation.equals(newPassword)) {
            rules.add(FieldError.of("confirmPassword", "password-mismatch", "does not match the new password"));
        }
        if (matches) {
            brake.succeeded(user.username(), address);
        }
        rules.check();
        transactions.executeWithoutResult(status -> storePassword(user, newPassword, false, keepSession));
    }

    private void storePassword(UserAccount user, String rawPassword, boolean temporary, String keepSession) {
        jdbc.sql("""
                UPDATE users SET password_hash = ?, must_change_password = ?
                WHERE username = ?""")
                .params(passwords.encode(rawPassword), temporary, user.username()).update();
        sessions.endAllOf(user.username(), keepSession);
    }

    /** Whether this raw password is the user's current one. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(String username, String rawPassword) {
        return passwordHash(username).map(hash -> rawPassword != null && passwords.matches(rawPassword, hash))
                .orElse(false);
    }

    // --- for the security configuration and the first-start bootstrap ---

    Optional<String> passwordHash(String username) {
        if (username == null || !searchable(username)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(normalize(username))
                .query(String.class).optional();
    }

    boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
    }

    private UserAccount setEnabled(String username, boolean enabled) {
        UserAccount user = require(username);
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled && user.role() == Role.ADMIN) {
            keepAnotherAdmin(user.username());
        }
        jdbc.sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled, user.username()).update();
        if (!enabled) {
            sessions.endAllOf(user.username());
        }
        return require(user.username());
    }

    /**
     * Refuses to demote or disable the last enabled admin: nobody could manage accounts any more.
     * The admin rows are locked so that two admins demoting each other at once cannot both succeed.
     */
    private void keepAnotherAdmin(String leaving) {
        List<String> admins = jdbc.sql("SELECT username FROM users WHERE role = 'ADMIN' AND enabled = TRUE FOR UPDATE")
                .query(String.class).list();
        if (admins.stream().noneMatch(a -> !a.equals(leaving))) {
            throw new Conflict("last-admin", leaving + " is the last enabled administrator.", leaving);
        }
    }

    private UserAccount require(String username) {
        return find(username).orElseThrow(() -> unknown(username));
    }

    /** No user has this name (404). */
    public static NotFound unknown(String username) {
        return new NotFound("user-not-found", "No user named " + username + ".", username);
    }

    /**
     * Whether a name typed at the login form (which no Spring MVC check sees) may be looked up at all:
     * PostgreSQL refuses a NUL byte with an error, and no username holds one.
     */
    private static boolean searchable(String username) {
        return TextRules.problem("username", username, 0) == null;
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getString("language"), rs.getString("time_zone"),
                rs.getBoolean("enabled"));
    }
}
