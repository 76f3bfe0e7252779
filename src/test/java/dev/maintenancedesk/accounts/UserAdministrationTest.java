package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DeskTest
@org.springframework.test.context.ContextConfiguration(initializers = UserAdministrationTest.OwnDatabase.class)
@org.springframework.test.annotation.DirtiesContext // its own database: "the last administrator" means the whole table's
class UserAdministrationTest {

    /** Other classes create administrators in the shared database; this one must know every one. */
    static final class OwnDatabase extends dev.maintenancedesk.TestDatabase.Own {
        OwnDatabase() {
            super("users");
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

    private HttpResponse<String> asAdmin(String method, String path, String body) {
        return http.send(method, path, body, Http.bearer(DeskTest.ADMIN_TOKEN));
    }

    private HttpResponse<String> create(String username, String role) {
        return asAdmin("POST", "/api/v1/users", """
                {"username":"%s","displayName":"%s","email":"%s@example.org","role":"%s","password":"%s"}"""
                .formatted(username, username, username, role, PASSWORD));
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        Http.json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void theAdminCreatesAReporterAndADeveloperWhoMayNotAdministerUsers() {
        HttpResponse<String> reporter = create("rita", "REPORTER");
        assertThat(reporter.statusCode()).isEqualTo(201);
        assertThat(reporter.headers().firstValue("Location")).hasValue("/api/v1/users/rita");
        assertThat(Http.json(reporter).get("role").asString()).isEqualTo("REPORTER");
        assertThat(Http.json(reporter).has("initialPassword")).isFalse();
        assertThat(create("dev", "DEVELOPER").statusCode()).isEqualTo(201);

        assertThat(users.find("dev")).hasValueSatisfying(u -> assertThat(u.role().atLeast(Role.DEVELOPER)).isTrue());
        assertThat(users.find("RITA")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.REPORTER));
        assertThat(users.all()).extracting(UserAccount::username).contains("admin", "rita", "dev");

        for (String name : List.of("rita", "dev")) {
            String session = http.sessionOf(name, PASSWORD);
            HttpResponse<String> me = http.get("/api/v1/me", "Cookie", "SESSION=" + session);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(Http.json(me).get("username").asString()).isEqualTo(name);

            HttpResponse<String> forbidden = http.get("/api/v1/users", "Cookie", "SESSION=" + session);
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Http.json(forbidden).get("status").asInt()).isEqualTo(403);
            assertThat(Http.json(forbidden).get("type").asString()).isEqualTo("/problems/role-forbidden");
            assertThat(Http.json(forbidden).get("instance").asString()).isEqualTo("/api/v1/users");
        }
        assertThat(asAdmin("GET", "/api/v1/users", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aReporterWithATokenGets403OnUserAdministration() {
        create("rob", "REPORTER");
        String token = users.find("rob").map(u -> tokenOf("rob")).orElseThrow();

        HttpResponse<String> list = http.get("/api/v1/users", Http.bearer(token));
        HttpResponse<String> create = http.send("POST", "/api/v1/users",
                "{\"username\":\"mallory\",\"role\":\"ADMIN\",\"password\":\"" + PASSWORD + "\"}", Http.bearer(token));
        HttpResponse<String> promote = http.send("PATCH", "/api/v1/users/rob", "{\"role\":\"ADMIN\"}", Http.bearer(token));

        assertThat(List.of(list, create, promote)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(users.find("mallory")).isEmpty();
        assertThat(users.find("rob").orElseThrow().role()).isEqualTo(Role.REPORTER);
    }

    @Autowired
    ApiTokens tokens;

    private String tokenOf(String username) {
        return tokens.create(username, "test", TokenScope.ADMIN).token();
    }

    @Test
    void validationErrorsName400TheFields() {
        HttpResponse<String> badName = asAdmin("POST", "/api/v1/users",
                "{\"username\":\"Not Valid!\",\"role\":\"REPORTER\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fields(badName)).containsExactly("username");
        assertThat(Http.json(badName).get("detail").asString()).contains("username");

        HttpResponse<String> several = asAdmin("POST", "/api/v1/users",
                "{\"username\":\"valid\",\"email\":\"not-an-email\",\"password\":\"short\",\"timeZone\":\"Nowhere/City\"}");
        assertThat(several.statusCode()).isEqualTo(400);
        assertThat(fields(several)).containsExactlyInAnyOrder("email", "password", "timeZone", "role");
        Http.json(several).get("errors").forEach(error -> assertThat(error.get("code").asString()).isNotBlank());

        HttpResponse<String> unknownRole = asAdmin("POST", "/api/v1/users",
                "{\"username\":\"valid\",\"role\":\"GOD\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(fields(unknownRole)).containsExactly("role");
        assertThat(Http.json(unknownRole).get("errors").get(0).get("message").asString()).contains("DEVELOPER");

        HttpResponse<String> badPatch = asAdmin("PATCH", "/api/v1/users/admin", "{\"role\":\"SUPERUSER\"}");
        assertThat(badPatch.statusCode()).isEqualTo(400);
        assertThat(fields(badPatch)).containsExactly("role");

        assertThat(users.find("valid")).isEmpty();
    }

    @Test
    void aDuplicateUsernameIs409WhateverItsCase() {
        assertThat(create("dupont", "REPORTER").statusCode()).isEqualTo(201);

        HttpResponse<String> again = create("dupont", "DEVELOPER");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(again).get("type").asString()).isEqualTo("/problems/user-exists");
        assertThat(users.find("dupont").orElseThrow().role()).isEqualTo(Role.REPORTER);
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndReturnedOnce() {
        HttpResponse<String> created = asAdmin("POST", "/api/v1/users", "{\"username\":\"gen\",\"role\":\"LEAD\",\"language\":\"en\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String password = Http.json(created).get("initialPassword").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Http.json(created).get("language").asString()).isEqualTo("en");

        assertThat(http.sessionOf("gen", password)).isNotBlank();
        assertThat(asAdmin("GET", "/api/v1/users/gen", null).body()).doesNotContain(password);
    }

    @Test
    void theAdminChangesARoleAndDisablesAUserWhoseSessionsAndTokensStopWorking() {
        create("eve", "DEVELOPER");
        String token = tokenOf("eve");
        String session = http.sessionOf("eve", PASSWORD);

        HttpResponse<String> promoted = asAdmin("PATCH", "/api/v1/users/eve", "{\"role\":\"LEAD\",\"timeZone\":\"Europe/London\"}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        JsonNode eve = Http.json(promoted);
        assertThat(eve.get("role").asString()).isEqualTo("LEAD");
        assertThat(eve.get("timeZone").asString()).isEqualTo("Europe/London");
        // The old session carried DEVELOPER authorities: it is ended rather than left stale.
        assertThat(http.get("/api/v1/me", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(401);
        assertThat(Http.json(http.get("/api/v1/me", Http.bearer(token))).get("role").asString()).isEqualTo("LEAD");

        HttpResponse<String> disabled = asAdmin("PATCH", "/api/v1/users/eve", "{\"enabled\":false}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(Http.json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/me", Http.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(http.login("eve", PASSWORD).headers().firstValue("Location").orElse("")).contains("/login?error");

        HttpResponse<String> nobody = asAdmin("PATCH", "/api/v1/users/nobody-here", "{\"enabled\":false}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(Http.json(nobody).get("type").asString()).isEqualTo("/problems/user-not-found");
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() {
        assertThat(asAdmin("PATCH", "/api/v1/users/admin", "{\"role\":\"LEAD\"}").statusCode()).isEqualTo(409);
        assertThat(asAdmin("PATCH", "/api/v1/users/admin", "{\"enabled\":false}").statusCode()).isEqualTo(409);
        assertThat(users.find("admin").orElseThrow()).satisfies(admin -> {
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.enabled()).isTrue();
        });
    }

    @Test
    void aUserChangesTheirPasswordOnlyByGivingTheCurrentOne() {
        create("paula", "DEVELOPER");
        String token = tokenOf("paula");

        HttpResponse<String> wrong = http.send("PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"not-it\",\"newPassword\":\"another-long-password\"}", Http.bearer(token));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly("currentPassword");
        assertThat(Http.json(wrong).get("errors").get(0).get("code").asString()).isEqualTo("wrong-password");

        HttpResponse<String> changed = http.send("PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-long-password\"}", Http.bearer(token));
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(http.login("paula", PASSWORD).headers().firstValue("Location").orElse("")).contains("error");
        assertThat(http.sessionOf("paula", "another-long-password")).isNotBlank();
    }
}
