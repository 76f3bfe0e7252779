package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DeskTest
class ApiAuthenticationTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void withoutCredentialsTheApiAnswers401ProblemJsonNotARedirect() {
        HttpResponse<String> response = http.get("/api/v1/me", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/me");
        // The shape of every problem of the desk, though a security filter writes this one.
        assertThat(problem.get("type").asString()).isEqualTo("/problems/authentication-required");
        assertThat(problem.get("title").asString()).isEqualTo("Authentication required");
        assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
        // No session is created for an API call that could not authenticate.
        assertThat(Http.cookie(response, "SESSION")).isEmpty();
    }

    @Test
    void anUnauthenticatedWriteIs401NotACsrfFailure() {
        HttpResponse<String> response = http.send("POST", "/api/v1/me/tokens", "{\"name\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aWrongTokenIs401() {
        HttpResponse<String> response = http.get("/api/v1/me", Http.bearer("mdk_not-a-real-token-at-all-0000000000000"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(Http.json(response).get("type").asString()).isEqualTo("/problems/invalid-token");
        assertThat(Http.json(response).get("instance").asString()).isEqualTo("/api/v1/me");
    }

    @Test
    void aWrongTokenIs401EvenOnAPublicEndpoint() {
        assertThat(http.get("/actuator/health", Http.bearer("mdk_wrong")).statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminTokenFromTheEnvironmentWorks() {
        HttpResponse<String> response = http.get("/api/v1/me", Http.bearer(DeskTest.ADMIN_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = Http.json(response);
        assertThat(me.get("username").asString()).isEqualTo("admin");
        assertThat(me.get("role").asString()).isEqualTo("ADMIN");
        assertThat(me.get("language").asString()).isEqualTo("fr");
        assertThat(me.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(me.has("password")).isFalse();
        assertThat(Http.cookie(response, "SESSION")).as("token calls stay stateless").isEmpty();
    }

    @Test
    void securityHeadersAreSentOnTheApi() {
        HttpResponse<String> response = http.get("/api/v1/me", Http.bearer(DeskTest.ADMIN_TOKEN));

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void aUserMayChangeTheirOwnLanguageAndTimeZoneButNotTheirRole() {
        HttpResponse<String> response = http.send("PATCH", "/api/v1/me", "{\"language\":\"en\",\"timeZone\":\"America/Montreal\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("language").asString()).isEqualTo("en");
        assertThat(Http.json(response).get("timeZone").asString()).isEqualTo("America/Montreal");

        HttpResponse<String> badZone = http.send("PATCH", "/api/v1/me", "{\"timeZone\":\"Mars/Olympus\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(Http.json(badZone).get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        assertThat(Http.json(badZone).get("errors").get(0).get("code").asString()).isEqualTo("time-zone");

        HttpResponse<String> longName = http.send("PATCH", "/api/v1/me", "{\"displayName\":\"" + "n".repeat(101) + "\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(Http.json(longName).get("field").asString()).isEqualTo("displayName");
        assertThat(Http.json(longName).get("errors").get(0).get("code").asString()).isEqualTo("too-long");

        HttpResponse<String> role = http.send("PATCH", "/api/v1/me", "{\"role\":\"REPORTER\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(Http.json(role).get("errors").get(0).get("field").asString()).isEqualTo("role");

        http.send("PATCH", "/api/v1/me", "{\"language\":\"fr\",\"timeZone\":\"Europe/Paris\"}", Http.bearer(DeskTest.ADMIN_TOKEN));
    }
}
