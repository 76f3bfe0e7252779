package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DeskTest
class TokenLifecycleTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenIsShownOnceUsableListedWithoutItsSecretAndDeadOnceRevoked() {
        Http http = new Http(port);

        HttpResponse<String> created = http.send("POST", "/api/v1/me/tokens", "{\"name\":\"ci\"}", Http.bearer(DeskTest.ADMIN_TOKEN));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = Http.json(created);
        String secret = body.get("token").asString();
        long id = body.get("id").asLong();
        assertThat(secret).matches("mdk_[A-Za-z0-9_-]{43}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/me/tokens/" + id);
        assertThat(body.get("prefix").asString()).isEqualTo(secret.substring(0, 8));

        HttpResponse<String> me = http.get("/api/v1/me", Http.bearer(secret));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me).get("username").asString()).isEqualTo("admin");

        HttpResponse<String> list = http.get("/api/v1/me/tokens", Http.bearer(secret));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(8));
        JsonNode listed = null;
        for (JsonNode token : Http.json(list)) {
            assertThat(token.has("token")).isFalse();
            if (token.get("id").asLong() == id) {
                listed = token;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("name").asString()).isEqualTo("ci");
        assertThat(listed.get("lastUsedAt").isNull()).as("the call above used it").isFalse();

        assertThat(http.send("DELETE", "/api/v1/me/tokens/" + id, null, Http.bearer(DeskTest.ADMIN_TOKEN)).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/v1/me", Http.bearer(secret)).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/me/tokens", Http.bearer(DeskTest.ADMIN_TOKEN)).body()).doesNotContain("\"id\":" + id + ",");
        assertThat(http.send("DELETE", "/api/v1/me/tokens/" + id, null, Http.bearer(DeskTest.ADMIN_TOKEN)).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenNeedsAName() {
        HttpResponse<String> response = new Http(port).send("POST", "/api/v1/me/tokens", "{\"name\":\" \"}", Http.bearer(DeskTest.ADMIN_TOKEN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errors").get(0).get("field").asString()).isEqualTo("name");
    }
}
