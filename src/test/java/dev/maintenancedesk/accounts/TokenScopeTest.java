package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue 14: token scopes. A read token only reads, a write token never administers, admin is for admins. */
@DeskTest
class TokenScopeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String token(String adminCredential, String scope) {
        HttpResponse<String> created = new Http(port).send("POST", "/api/v1/me/tokens",
                "{\"name\":\"scoped\",\"scope\":\"" + scope + "\"}", Http.bearer(adminCredential));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("scope").asString()).isEqualTo(scope);
        return Http.json(created).get("token").asString();
    }

    private long tickets(String title) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void aReadTokenReadsEverythingItsOwnerMayButWritesNothing() {
        String read = token(DeskTest.ADMIN_TOKEN, "read");
        Http http = new Http(port);

        assertThat(http.get("/api/v1/tickets?limit=1", Http.bearer(read)).statusCode()).isEqualTo(200);
        // an administrator's read token is the metrics token a Prometheus scrape needs
        assertThat(http.get("/actuator/prometheus", Http.bearer(read)).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/users", Http.bearer(read)).statusCode()).isEqualTo(200);

        HttpResponse<String> write = http.send("POST", "/api/v1/tickets",
                "{\"title\":\"Écrit avec un jeton de lecture\",\"priority\":\"P3\"}", Http.bearer(read));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Http.json(write).get("type").asString()).isEqualTo("/problems/token-read-only");
        assertThat(tickets("Écrit avec un jeton de lecture")).isZero();
        assertThat(http.send("POST", "/api/v1/me/tokens", "{\"name\":\"x\",\"scope\":\"read\"}", Http.bearer(read))
                .statusCode()).isEqualTo(403);
        assertThat(http.send("PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"whatever-it-is\",\"newPassword\":\"another-password-1\"}", Http.bearer(read))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorsWriteTokenWorksTicketsButAdministersNothing() {
        String write = token(DeskTest.ADMIN_TOKEN, "write");
        Http http = new Http(port);

        HttpResponse<String> created = http.send("POST", "/api/v1/tickets",
                "{\"title\":\"Écrit avec un jeton d’écriture\",\"priority\":\"P3\"}", Http.bearer(write));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> users = http.get("/api/v1/users", Http.bearer(write));
        assertThat(users.statusCode()).as(users.body()).isEqualTo(403);
        assertThat(Http.json(users).get("type").asString()).isEqualTo("/problems/role-forbidden");
        assertThat(http.get("/actuator/prometheus", Http.bearer(write)).statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/users", "{\"username\":\"par-ecriture\",\"password\":\"pw-0123456789ab\","
                + "\"role\":\"ADMIN\",\"displayName\":\"x\"}", Http.bearer(write)).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = 'par-ecriture'").query(Long.class).single()).isZero();

        // nor can it mint itself a wider token
        HttpResponse<String> wider = http.send("POST", "/api/v1/me/tokens", "{\"name\":\"wider\",\"scope\":\"admin\"}",
                Http.bearer(write));
        assertThat(wider.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(wider).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("scope");
        assertThat(error.get("code").asString()).isEqualTo("scope-above-token");
        assertThat(http.send("POST", "/api/v1/me/tokens", "{\"name\":\"same\",\"scope\":\"write\"}", Http.bearer(write))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void theAdminScopeIsAnAdministratorsAndAnUnknownScopeIsNamed() {
        DeskClient developer = DeskClient.newUser(port, "scope-dev", "DEVELOPER");
        HttpResponse<String> admin = new Http(port).send("POST", "/api/v1/me/tokens",
                "{\"name\":\"admin\",\"scope\":\"admin\"}", Http.bearer(developer.token()));
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(Http.json(admin).get("errors").get(0).get("code").asString()).isEqualTo("scope-above-role");

        HttpResponse<String> unknown = new Http(port).send("POST", "/api/v1/me/tokens",
                "{\"name\":\"odd\",\"scope\":\"root\"}", Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Http.json(unknown).get("errors").get(0).get("field").asString()).isEqualTo("scope");
        assertThat(Http.json(unknown).get("errors").get(0).get("code").asString()).isEqualTo("not-one-of");

        // no scope: write, listed as such
        HttpResponse<String> plain = new Http(port).send("POST", "/api/v1/me/tokens", "{\"name\":\"plain\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(Http.json(plain).get("scope").asString()).isEqualTo("write");
        assertThat(new Http(port).get("/api/v1/me/tokens", Http.bearer(DeskTest.ADMIN_TOKEN)).body())
                .contains("\"name\":\"plain\",\"prefix\"").contains("\"scope\":\"write\"");
        // the operator's DESK_ADMIN_TOKEN administers
        assertThat(new Http(port).get("/api/v1/users", Http.bearer(DeskTest.ADMIN_TOKEN)).statusCode()).isEqualTo(200);
    }
}
