package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@DeskTest
@org.springframework.test.context.TestPropertySource(properties = "desk.security.pair-free-failures=5")
class FormLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theLoginPageHasLabelledFieldsACsrfTokenAndSecurityHeaders() {
        HttpResponse<String> page = http.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(Http.csrfField(page.body())).isPresent();
        assertThat(page.body()).contains("<label for=\"username\"").contains("<label for=\"password\"")
                .contains("id=\"username\"").contains("id=\"password\"").contains("/css/desk.css")
                .doesNotContain("<script").doesNotContain("id=\"login-error\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() {
        HttpResponse<String> page = http.get("/login");
        String session = Http.cookie(page, "SESSION").orElseThrow();

        HttpResponse<String> response = http.send("POST", "/login",
                Http.form(Map.of("username", "admin", "password", DeskTest.ADMIN_PASSWORD)),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "SESSION=" + session);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/me", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(401);
    }

    @Test
    void theRightPasswordOpensASessionStoredInTheDatabase() {
        HttpResponse<String> response = http.login("admin", DeskTest.ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        // DESK_ADMIN_PASSWORD is the operator's choice, not a temporary password: no forced change.
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/").doesNotContain("error")
                .doesNotContain("password");
        String session = Http.cookie(response, "SESSION").orElseThrow();
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly"));

        assertThat(http.get("/", "Cookie", "SESSION=" + session).statusCode()).isIn(200, 404);
        HttpResponse<String> me = http.get("/api/v1/me", "Cookie", "SESSION=" + session);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me).get("username").asString()).isEqualTo("admin");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'admin'", Long.class))
                .isPositive();
        // Logged in, the login page sends the user on.
        assertThat(http.get("/login", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionWriteToTheApiNeedsTheCsrfToken() {
        String session = http.sessionOf("admin", DeskTest.ADMIN_PASSWORD);

        HttpResponse<String> response = http.send("POST", "/api/v1/me/tokens", "{\"name\":\"forged\"}", "Cookie", "SESSION=" + session);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/me/tokens", Http.bearer(DeskTest.ADMIN_TOKEN)).body()).doesNotContain("forged");
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithAnError() {
        HttpResponse<String> response = http.login("admin", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        String session = Http.cookie(response, "SESSION").orElse(null);
        if (session != null) {
            assertThat(http.get("/api/v1/me", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(401);
        }
        assertThat(http.get("/login?error").body()).contains("id=\"login-error\"");
    }

    @Test
    void anonymousPagesRedirectToLoginButApiCallsDoNot() {
        HttpResponse<String> page = http.get("/tickets");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");

        assertThat(http.get("/api/v1/tickets").statusCode()).isEqualTo(401);
    }

    @Autowired
    Users users;

    @Test
    void repeatedWrongPasswordsFromOnePlaceHoldThatPlaceNotTheAccount() {
        users.create("guessed", "Guessed", null, Role.REPORTER, "the-right-password");
        assertThat(http.sessionOf("guessed", "the-right-password")).as("a success resets nothing harmful").isNotBlank();

        // five free failures, the sixth sets the first wait (10 min in the tests' settings)
        for (int i = 0; i < 6; i++) {
            assertThat(http.login("guessed", "wrong-" + i).headers().firstValue("Location").orElse(""))
                    .endsWith("/login?error");
        }
        HttpResponse<String> held = http.login("guessed", "the-right-password");
        assertThat(held.headers().firstValue("Location").orElse("")).as("even the right one waits")
                .endsWith("/login?error=wait");
        assertThat(held.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isPositive();
        assertThat(http.get("/login?error=wait").body()).contains("Trop de mots de passe erronés d’ici")
                .contains("Un autre appareil n’est pas concerné");
        assertThat(http.get("/login?error=wait&lang=en").body()).contains("Other devices are not affected");
        assertThat(http.get("/login?error").body()).contains("Identifiant ou mot de passe incorrect")
                .doesNotContain("Trop de mots de passe");
        assertThat(users.find("guessed").orElseThrow().enabled()).as("the account itself is not locked").isTrue();
    }

    @Test
    void aUsernameWithANulCharacterIsAFailedLoginNotAServerError() {
        HttpResponse<String> response = http.login("ad\u0000min", "whatever-it-is");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login?error");
    }
}
