package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API calls with a token neither create an HTTP session nor read one (sessions live in the database: each
 * would cost statements on every call), even when the client also sends a session cookie.
 */
@DeskTest
class BearerSessionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenCallCreatesNoSession() {
        Http http = new Http(port);
        long sessions = sessions();

        HttpResponse<String> list = http.get("/api/v1/tickets?limit=5", Http.bearer(DeskTest.ADMIN_TOKEN));
        HttpResponse<String> created = http.send("POST", "/api/v1/tickets", "{\"title\":\"no session\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN));
        HttpResponse<String> refused = http.get("/api/v1/tickets/0", Http.bearer(DeskTest.ADMIN_TOKEN));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(refused.statusCode()).isEqualTo(404);
        for (HttpResponse<String> response : java.util.List.of(list, created, refused)) {
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void aTokenCallLeavesTheCallersSessionUnread() {
        Http http = new Http(port);
        String cookie = http.sessionOf("admin", DeskTest.ADMIN_PASSWORD);
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);

        long seen = backdate(id);
        HttpResponse<String> withBoth = http.send("POST", "/api/v1/tickets", "{\"title\":\"token and cookie\"}",
                "Authorization", "Bearer " + DeskTest.ADMIN_TOKEN, "Cookie", "SESSION=" + cookie);
        assertThat(withBoth.statusCode()).isEqualTo(201);
        assertThat(lastAccess(id)).as("the session was not read").isEqualTo(seen);

        HttpResponse<String> withCookie = http.get("/api/v1/me", "Cookie", "SESSION=" + cookie);
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).as("a call with the cookie alone reads it (the check above can fail)")
                .isGreaterThan(seen);
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }

    /** Moves the session's last access a second back, so that any read of it shows; returns the new value. */
    private long backdate(String id) {
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 1000 WHERE session_id = ?")
                .param(id).update();
        return lastAccess(id);
    }

    private long lastAccess(String id) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(id)
                .query(Long.class).single();
    }
}
