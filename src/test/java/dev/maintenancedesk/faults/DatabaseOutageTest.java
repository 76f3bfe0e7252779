package dev.maintenancedesk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.ScratchPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away under a running desk (its own PostgreSQL cluster, stopped as in a crash) and comes
 * back: meanwhile every answer is a 503 that says so — problem+json for the API, a page in the visitor's
 * language for a browser, health DOWN — soon (Hikari waits 3 s for a connection) and never a 500 or a trace;
 * afterwards the same desk, not restarted, answers again, with the sessions opened before the outage.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    private static final String WEBHOOK_SECRET = "outage-webhook-secret";
    private static ScratchPostgres postgres;
    private static DeskInstance desk;

    @BeforeAll
    static void start() {
        postgres = ScratchPostgres.start();
        desk = DeskInstance.start(postgres.createDatabase("desk_outage"), null,
                "--DESK_GITHUB_WEBHOOK_SECRET=" + WEBHOOK_SECRET);
    }

    @AfterAll
    static void stop() {
        try {
            if (desk != null) {
                desk.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownEveryAnswerIsA503AndTheDeskRecoversWithoutARestart(CapturedOutput output) throws Exception {
        Web web = new Web(desk.port());
        String token = "Bearer " + DeskTest.ADMIN_TOKEN;
        HttpResponse<String> before = web.send("POST", "/api/v1/tickets", "{\"title\":\"Avant la panne\"}",
                "Authorization", token);
        assertThat(before.statusCode()).isEqualTo(201);
        long number = Web.JSON.readTree(before.body()).get("number").asLong();
        Web.Session session = web.login("admin", DeskTest.ADMIN_PASSWORD);
        assertThat(web.send("GET", "/api/v1/me", null, "Cookie", session.cookie()).statusCode()).isEqualTo(200);
        String anonymousSession = web.loginPageSession();

        postgres.stop("immediate");

        // all at once: each waits up to Hikari's connection-timeout (3 s) before its 503
        Outage answers = new Outage(web);
        var api = List.of(
                answers.ask("GET", "/api/v1/tickets", null, "Authorization", token),
                answers.ask("POST", "/api/v1/tickets", "{\"title\":\"Pendant la panne\"}", "Authorization", token),
                answers.ask("GET", "/api/v1/tickets/" + number, null, "Authorization", token, "Accept", "application/json"),
                answers.ask("GET", "/api/v1/me", null, "Cookie", session.cookie()),
                // no token, no session: this one meets the database in the controller (storing the delivery)
                answers.ask("POST", "/webhooks/github", PING, "X-GitHub-Event", "ping", "X-GitHub-Delivery",
                        "0b5c1e60-0000-4000-8000-000000000001", "X-Hub-Signature-256", signature(PING)));
        var french = answers.ask("GET", "/tickets", null, "Cookie", session.cookie(), "Accept", Web.HTML);
        var english = answers.ask("GET", "/tickets?lang=en", null, "Cookie", session.cookie(), "Accept", Web.HTML);
        var cookieEnglish = answers.ask("GET", "/board", null, "Cookie", session.cookie() + "; desk-lang=en",
                "Accept", Web.HTML);
        var loginPage = answers.ask("GET", "/login", null, "Accept", Web.HTML);
        var loginPost = answers.ask("POST", "/login", "username=admin&password=x&_csrf=" + session.csrf(),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", anonymousSession, "Accept", Web.HTML);
        var health = answers.ask("GET", "/actuator/health", null);

        for (var call : api) {
            HttpResponse<String> answer = call.get();
            assertUnavailable(answer);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.uri().toString())
                    .startsWith("application/problem+json");
            JsonNode problem = Web.JSON.readTree(answer.body());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/database-unavailable");
            assertThat(problem.get("title").asString()).isEqualTo("Service unavailable");
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("detail").asString()).contains("database");
            assertThat(problem.get("instance").asString()).isEqualTo(answer.uri().getPath());
        }
        assertPage(french.get(), "fr", "La base de données du Desk ne répond pas");
        assertPage(english.get(), "en", "The Desk’s database does not answer");
        assertPage(cookieEnglish.get(), "en", "The Desk’s database does not answer");
        assertPage(loginPage.get(), "fr", "La base de données du Desk ne répond pas");
        assertPage(loginPost.get(), "fr", "La base de données du Desk ne répond pas");
        assertThat(health.get().statusCode()).isEqualTo(503);
        assertThat(health.get().body()).contains("\"DOWN\"");
        answers.close();

        postgres.startServer();

        HttpResponse<String> up = web.await("/actuator/health", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertThat(up.body()).contains("\"UP\"");
        HttpResponse<String> me = web.send("GET", "/api/v1/me", null, "Cookie", session.cookie());
        assertThat(me.statusCode()).as("the session opened before the outage").isEqualTo(200);
        assertThat(Web.JSON.readTree(me.body()).get("username").asString()).isEqualTo("admin");
        assertThat(web.send("GET", "/tickets", null, "Cookie", session.cookie(), "Accept", Web.HTML).statusCode())
                .isEqualTo(200);
        HttpResponse<String> after = web.send("POST", "/api/v1/tickets", "{\"title\":\"Après la panne\"}",
                "Authorization", token);
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(web.send("GET", "/api/v1/tickets/" + number, null, "Authorization", token).statusCode()).isEqualTo(200);
        assertThat(web.send("GET", "/api/v1/tickets?text=panne", null, "Authorization", token).body())
                .contains("Avant la panne", "Après la panne").doesNotContain("Pendant la panne");

        assertThat(output.getAll()).as("no request met an unexpected error")
                .doesNotContain("Unexpected error on").doesNotContain("Servlet.service() for servlet");
    }

    @Test
    void whileEveryConnectionIsInUseARequestIsA503ServerBusy() throws Exception {
        Web web = new Web(desk.port());
        String token = "Bearer " + DeskTest.ADMIN_TOKEN;
        com.zaxxer.hikari.HikariDataSource pool = desk.bean(javax.sql.DataSource.class)
                .unwrap(com.zaxxer.hikari.HikariDataSource.class);
        List<java.sql.Connection> held = new java.util.ArrayList<>();
        try (Outage answers = new Outage(web)) {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            var api = answers.ask("GET", "/api/v1/tickets", null, "Authorization", token);
            var page = answers.ask("GET", "/login", null, "Accept", Web.HTML);
            HttpResponse<String> busy = api.get();
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(Web.JSON.readTree(busy.body()).get("type").asString()).isEqualTo("/problems/server-busy");
            assertThat(page.get().statusCode()).isEqualTo(503);
            assertThat(page.get().body()).contains("Le Desk est trop sollicité");
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
        }
        assertThat(web.send("GET", "/api/v1/tickets", null, "Authorization", token).statusCode()).isEqualTo(200);
    }

    private static final String PING = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";

    private static String signature(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Requests sent side by side during the outage, each on a virtual thread of its own. */
    private static final class Outage implements AutoCloseable {

        private final Web web;
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

        Outage(Web web) {
            this.web = web;
        }

        java.util.concurrent.Future<HttpResponse<String>> ask(String method, String path, String body, String... headers) {
            return threads.submit(() -> web.send(method, path, body, headers));
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).as(answer.uri().toString()).hasValue("10");
        assertThat(answer.body()).as(answer.uri().toString()).doesNotContain("Exception", "\tat ", "org.postgresql",
                "Hikari", "java.", "SQL");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.uri().toString()).hasValue("nosniff");
    }

    private static void assertPage(HttpResponse<String> page, String language, String text) {
        assertUnavailable(page);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as(page.uri().toString()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.uri().toString()).isPresent();
        assertThat(page.body()).as(page.uri().toString()).contains("lang=\"" + language + "\"", text, "/css/desk.css");
    }
}
