package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.Conflict;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * On the first start (no users yet) creates the {@code admin} account, then, once the server
 * listens, tells the operator in one block where the desk is and how to log in. Runs before the web
 * server opens so that nobody can reach an instance that has no account yet.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Users users;
    private final ApiTokens tokens;
    private final TransactionOperations transactions;
    private final Environment environment;
    private final PrintStream out;
    private volatile Outcome outcome;

    @Autowired
    FirstStart(Users users, ApiTokens tokens, TransactionOperations transactions, Environment environment) {
        this(users, tokens, transactions, environment, System.out);
    }

    FirstStart(Users users, ApiTokens tokens, TransactionOperations transactions, Environment environment,
            PrintStream out) {
        this.users = users;
        this.tokens = tokens;
        this.transactions = transactions;
        this.environment = environment;
        this.out = out;
    }

    /** What the first start did; {@code generatedPassword} is null unless one was generated. */
    record Outcome(boolean adminCreated, String generatedPassword, boolean tokenImported) {}

    @Override
    public void afterSingletonsInstantiated() {
        outcome = bootstrap(setting("DESK_ADMIN_PASSWORD"), setting(AdminTokenSetting.NAME));
    }

    Outcome bootstrap(String password, String token) {
        // Refusing to start beats silently installing a guessable admin credential (desk serve says so
        // before Spring starts; this covers every other way of starting the application).
        AdminTokenSetting.problem(token).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        if (!users.none()) {
            if (password != null || token != null) {
                log.info("DESK_ADMIN_PASSWORD / DESK_ADMIN_TOKEN are only read on the first start; users exist, ignoring them");
            }
            return new Outcome(false, null, false);
        }
        if (password != null && password.length() < 12) {
            log.warn("DESK_ADMIN_PASSWORD is shorter than 12 characters: change it after logging in, in /profile");
        }
        String generated = password == null ? InitialPassword.generate() : null;
        try {
            return transactions.execute(status -> {
                // A generated password is temporary: the admin chooses their own at the first login. The
                // operator's DESK_ADMIN_PASSWORD is theirs already.
                users.createWithOperatorPassword(ADMIN, "Administrator", Role.ADMIN,
                        password == null ? generated : password, generated != null);
                if (token != null) {
                    tokens.store(ADMIN, "DESK_ADMIN_TOKEN", TokenScope.ADMIN, token);
                }
                return new Outcome(true, generated, token != null);
            });
        } catch (Conflict raced) {
            if (!"user-exists".equals(raced.code())) {
                throw raced;
            }
            // Another instance on the same database bootstrapped first.
            return new Outcome(false, null, false);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        out.println(banner(url(), outcome == null ? new Outcome(false, null, false) : outcome));
    }

    static String banner(String url, Outcome outcome) {
        String login;
        if (!outcome.adminCreated()) {
            login = "log in with an existing account";
        } else if (outcome.generatedPassword() != null) {
            login = ADMIN + " / " + outcome.generatedPassword() + " — shown only this once; you will choose your own"
                    + " at the first login (later: " + url + "profile)";
        } else {
            login = ADMIN + " / the password from DESK_ADMIN_PASSWORD (change it in " + url + "profile)";
        }
        String line = "=".repeat(72);
        StringBuilder block = new StringBuilder(System.lineSeparator()).append(line).append(System.lineSeparator())
                .append("  Maintenance Desk is ready: ").append(url).append(System.lineSeparator())
                .append("  Log in: ").append(login).append(System.lineSeparator());
        if (outcome.tokenImported()) {
            block.append("  API: the DESK_ADMIN_TOKEN value is an API token of ").append(ADMIN)
                    .append(" (Authorization: Bearer <token>)").append(System.lineSeparator());
        }
        return block.append(line).toString();
    }

    private String url() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String path = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + (path.endsWith("/") ? path : path + "/");
    }

    private String setting(String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? null : value;
    }
}
