package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Passwords without an administrator's help: the user's own change (throttled like logins, in the API
 * and the profile alike), an administrator's reset that forces a change at the next login, and the
 * login page saying why it refuses.
 */
@DeskTest
@org.springframework.test.context.ContextConfiguration(initializers = PasswordSelfServiceTest.OwnDatabase.class)
@org.springframework.test.annotation.DirtiesContext // its own database: "the last administrator" means the whole table's
@org.springframework.test.context.TestPropertySource(properties = "desk.security.pair-free-failures=5")
class PasswordSelfServiceTest {

    /** Other classes create administrators in the shared database; this one must know every one. */
    static final class OwnDatabase extends dev.maintenancedesk.TestDatabase.Own {
        OwnDatabase() {
            super("passwords");
        }
    }


    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void wrongCurrentPasswordsThroughTheApiArePausedLikeLogins() {
        users.create("guesser", "Guesser", null, Role.DEVELOPER, PASSWORD);
        String token = users.find("guesser").map(u -> tokenOf("guesser")).orElseThrow();

        // five free failures, the sixth sets the wait (10 min in the tests' settings)
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> wrong = changeOwn(token, "wrong-" + i, "another-long-password");
            assertThat(wrong.statusCode()).as("attempt %d", i + 1).isEqualTo(400);
            assertThat(Http.json(wrong).get("errors").get(0).get("code").asString()).isEqualTo("wrong-password");
        }
        HttpResponse<String> paused = changeOwn(token, PASSWORD, "another-long-password");
        assertThat(paused.statusCode()).as("even the right one waits").isEqualTo(429);
        assertThat(paused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(paused).get("type").asString()).isEqualTo("/problems/password-attempts-paused");
        assertThat(Http.json(paused).get("retryAfter").asString()).isNotBlank();
        assertThat(Long.parseLong(paused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(users.passwordMatches("guesser", PASSWORD)).as("nothing changed").isTrue();

        // The same brake holds the login form from the same place.
        HttpResponse<String> login = http.login("guesser", PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error=wait");
    }

    @Test
    void wrongCurrentPasswordsInTheProfileArePausedAndSaidInFrench() {
        users.create("forgetful", "Forgetful", null, Role.REPORTER, PASSWORD);
        String session = http.sessionOf("forgetful", PASSWORD);

        HttpResponse<String> first = changeInPage(session, "not-it", "another-long-password", "another-long-password");
        assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/profile#password");
        assertThat(page(session, "/profile")).contains("id=\"currentPassword-error\"")
                .contains("n’est pas votre mot de passe actuel");
        for (int i = 1; i < 6; i++) {
            changeInPage(session, "not-it-" + i, "another-long-password", "another-long-password");
            page(session, "/profile");
        }
        changeInPage(session, PASSWORD, "another-long-password", "another-long-password");
        assertThat(page(session, "/profile")).contains("id=\"password-problem\"")
                .contains("Trop de mots de passe erronés : réessayez dans");
        assertThat(users.passwordMatches("forgetful", PASSWORD)).isTrue();
    }

    @Test
    void theProfileChangesThePasswordKeepingThisSessionAndEndingTheOthers() {
        users.create("mover", "Mover", null, Role.DEVELOPER, PASSWORD);
        String session = http.sessionOf("mover", PASSWORD);
        String other = http.sessionOf("mover", PASSWORD);

        changeInPage(session, PASSWORD, "short", "different");
        String refused = page(session, "/profile");
        assertThat(refused).contains("id=\"newPassword-error\"").contains("au moins 12 caractères")
                .contains("id=\"confirmPassword-error\"").contains("ne correspond pas au nouveau mot de passe")
                .doesNotContain("value=\"short\"");
        changeInPage(session, PASSWORD, PASSWORD, PASSWORD);
        assertThat(page(session, "/profile")).contains("doit être différent du mot de passe actuel");

        HttpResponse<String> changed = changeInPage(session, PASSWORD, "my-very-own-password", "my-very-own-password");
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/profile#password");
        assertThat(page(session, "/profile")).contains("Mot de passe changé.");
        assertThat(http.get("/profile", "Cookie", "SESSION=" + other).statusCode()).as("other session ended").isEqualTo(302);
        assertThat(http.login("mover", PASSWORD).headers().firstValue("Location").orElse("")).contains("error");
        assertThat(http.sessionOf("mover", "my-very-own-password")).isNotBlank();
    }

    @Test
    void anAdministratorsResetForcesAChangeAtTheNextLogin() {
        users.create("resetme", "Reset Me", null, Role.DEVELOPER, PASSWORD);
        String token = tokenOf("resetme");
        String before = http.sessionOf("resetme", PASSWORD);
        String admin = http.sessionOf("admin", DeskTest.ADMIN_PASSWORD);

        // Too short: refused in French, the user chosen stays selected.
        adminForm(admin, Map.of("username", "resetme", "password", "short", "generate", "false"));
        assertThat(page(admin, "/admin/users")).contains("id=\"r-password-error\"").contains("au moins 12 caractères")
                .contains("<option value=\"resetme\" selected=\"selected\"");
        assertThat(users.mustChangePassword("resetme")).isFalse();

        HttpResponse<String> reset = adminForm(admin, Map.of("username", "resetme", "generate", "true"));
        assertThat(reset.headers().firstValue("Location").orElse("")).endsWith("/admin/users#h-reset");
        String shown = page(admin, "/admin/users");
        String temporary = shown.replaceAll("(?s).*<code id=\"temporary-password\">([^<]+)</code>.*", "$1");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(20);
        assertThat(page(admin, "/admin/users")).as("shown once").doesNotContain(temporary);
        assertThat(users.mustChangePassword("resetme")).isTrue();
        assertThat(http.get("/", "Cookie", "SESSION=" + before).statusCode()).as("sessions ended").isEqualTo(302);

        HttpResponse<String> login = http.login("resetme", temporary);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/profile/password");
        String session = Http.cookie(login, "SESSION").orElseThrow();
        for (String path : new String[] {"/", "/tickets", "/profile", "/admin/users"}) {
            HttpResponse<String> kept = http.get(path, "Cookie", "SESSION=" + session);
            assertThat(kept.statusCode()).as(path).isEqualTo(302);
            assertThat(kept.headers().firstValue("Location").orElse("")).as(path).endsWith("/profile/password");
        }
        assertThat(page(session, "/profile/password")).contains("Choisissez votre mot de passe")
                .contains("Mot de passe temporaire").contains("action=\"/logout\"");
        // The API with this session: a clear 403; with the user's own token: as before.
        HttpResponse<String> api = http.get("/api/v1/tickets", "Cookie", "SESSION=" + session);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(Http.json(api).get("type").asString()).isEqualTo("/problems/password-change-required");
        assertThat(Http.json(api).get("detail").asString()).contains("PUT /api/v1/me/password");
        assertThat(http.get("/api/v1/me", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/tickets", Http.bearer(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> same = changeInPage(session, temporary, temporary, temporary);
        assertThat(same.headers().firstValue("Location").orElse("")).endsWith("/profile/password");
        assertThat(page(session, "/profile/password")).contains("doit être différent du mot de passe actuel");

        HttpResponse<String> chosen = changeInPage(session, temporary, "chosen-by-myself", "chosen-by-myself");
        assertThat(chosen.headers().firstValue("Location").orElse("")).endsWith("/profile#password");
        assertThat(page(session, "/profile")).contains("Mot de passe changé.");
        assertThat(http.get("/tickets", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(200);
        assertThat(users.mustChangePassword("resetme")).isFalse();
        assertThat(http.login("resetme", "chosen-by-myself").headers().firstValue("Location").orElse(""))
                .doesNotContain("password").doesNotContain("error");
    }

    @Test
    void aPasswordSetThroughTheAdminApiIsTemporaryToo() {
        users.create("patched", "Patched", null, Role.REPORTER, PASSWORD);
        HttpResponse<String> patched = http.send("PATCH", "/api/v1/users/patched", "{\"password\":\"set-by-the-admin\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(http.login("patched", "set-by-the-admin").headers().firstValue("Location").orElse(""))
                .endsWith("/profile/password");

        String token = tokenOfWithPassword("patched", "set-by-the-admin");
        HttpResponse<String> own = changeOwn(token, "set-by-the-admin", "now-mine-for-real");
        assertThat(own.statusCode()).isEqualTo(204);
        assertThat(users.mustChangePassword("patched")).isFalse();
    }

    @Test
    void theLastAdministratorIsRefusedInFrenchOnTheAdministrationPage() {
        String admin = http.sessionOf("admin", DeskTest.ADMIN_PASSWORD);
        HttpResponse<String> page = http.get("/admin/users", "Cookie", "SESSION=" + admin);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("role", "LEAD");
        fields.put("_csrf", Http.csrfField(page.body()).orElseThrow());
        http.send("POST", "/admin/users/admin/role", Http.form(fields), "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", "SESSION=" + admin);
        assertThat(page(admin, "/admin/users")).contains("admin est le dernier administrateur actif")
                .doesNotContain("is the last enabled administrator");
    }

    private HttpResponse<String> changeOwn(String token, String current, String next) {
        return http.send("PUT", "/api/v1/me/password", "{\"currentPassword\":\"" + current + "\",\"newPassword\":\""
                + next + "\"}", Http.bearer(token));
    }

    private HttpResponse<String> changeInPage(String session, String current, String next, String confirmation) {
        HttpResponse<String> form = http.get("/profile/password", "Cookie", "SESSION=" + session);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("currentPassword", current);
        fields.put("newPassword", next);
        fields.put("confirmPassword", confirmation);
        fields.put("_csrf", Http.csrfField(form.body()).orElseThrow());
        HttpResponse<String> answer = http.send("POST", "/profile/password", Http.form(fields), "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", "SESSION=" + session);
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    private HttpResponse<String> adminForm(String session, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>(values);
        fields.put("_csrf", Http.csrfField(http.get("/admin/users", "Cookie", "SESSION=" + session).body()).orElseThrow());
        HttpResponse<String> answer = http.send("POST", "/admin/users/password", Http.form(fields), "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", "SESSION=" + session);
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    private String page(String session, String path) {
        HttpResponse<String> page = http.get(path, "Cookie", "SESSION=" + session);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    private String tokenOf(String username) {
        return tokenOfWithPassword(username, PASSWORD);
    }

    /** A personal API token, made with a session (a temporary password's session may not: the token is made directly). */
    private String tokenOfWithPassword(String username, String password) {
        return users.find(username).map(u -> apiTokens.create(u.username(), "tests", TokenScope.WRITE).token()).orElseThrow();
    }

    @Autowired
    ApiTokens apiTokens;
}
