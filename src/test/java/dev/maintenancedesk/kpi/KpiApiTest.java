package dev.maintenancedesk.kpi;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * End to end over real HTTP: deployments, coverage reports and tickets posted through the API give the
 * expected {@code /api/v1/kpis}, conformance and Prometheus values; refused input stores nothing.
 * Its own database, so that the month's counts are exactly this test's; a clock the test moves.
 */
@DeskTest
@ContextConfiguration(initializers = KpiApiTest.OwnDatabase.class)
@TestPropertySource(properties = "desk.kpi.metrics-refresh=PT1S")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiApiTest {

    /** Tuesday 10 March 2026, 10:00 in Paris. */
    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("kpi");
        }
    }

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock kpiTestClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String deployment(String env, String status, String started, String finished) {
        return json("{\"environment\":%s,\"version\":\"1.4.0\",\"commit\":\"abc1234\",\"status\":%s,"
                + "\"startedAt\":%s,\"finishedAt\":%s}", env, status, started, finished);
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    @Order(1)
    void refusedInputIsA400NamingTheFieldAndStoresNothing() {
        DeskClient admin = DeskClient.admin(port);
        long before = count("kpi_deployments");
        Response backwards = admin.post("/api/v1/deployments", deployment("production", "success",
                "2026-03-09T10:00:00Z", "2026-03-09T09:00:00Z"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(backwards.json().get("field").asString()).isEqualTo("finishedAt");
        Response unknown = admin.post("/api/v1/deployments", deployment("production", "exploded",
                "2026-03-09T10:00:00Z", "2026-03-09T11:00:00Z"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("status");
        Response missing = admin.post("/api/v1/deployments", "{\"environment\":\"production\",\"status\":\"success\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("startedAt");
        assertThat(count("kpi_deployments")).isEqualTo(before);

        long reports = count("kpi_coverage");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE coverage [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<coverage lines-valid=\"1\" lines-covered=\"1\">&xxe;</coverage>";
        HttpResponse<String> refused = xml(DeskTest.ADMIN_TOKEN, "/api/v1/coverage?component=api&commit=abc", xxe);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"report\"");
        assertThat(xml(DeskTest.ADMIN_TOKEN, "/api/v1/coverage?component=api&commit=abc", "<html/>").statusCode())
                .isEqualTo(400);
        assertThat(xml(DeskTest.ADMIN_TOKEN, "/api/v1/coverage?commit=abc", CoverageXmlTest.COBERTURA).body())
                .contains("\"field\":\"component\"");
        assertThat(count("kpi_coverage")).isEqualTo(reports);

        assertThat(admin.get("/api/v1/kpis?from=2026-13").json().get("field").asString()).isEqualTo("from");
        assertThat(admin.get("/api/v1/kpis?from=2026-03&to=2026-01").json().get("field").asString()).isEqualTo("to");
        assertThat(admin.get("/api/v1/conformance?month=march").json().get("field").asString()).isEqualTo("month");
    }

    @Test
    @Order(2)
    void aReporterMayNeitherFeedTheKpisNorReadTheMetrics() {
        DeskClient reporter = DeskClient.newUser(port, "rita", "REPORTER");
        String reporterToken = DeskClient.browserLogin(port, "rita", "pw-rita-0123456789").createToken("metrics");
        assertThat(reporter.post("/api/v1/deployments", deployment("production", "success",
                "2026-03-09T10:00:00Z", "2026-03-09T11:00:00Z")).status()).isEqualTo(403);
        assertThat(scrape(reporterToken).statusCode()).isEqualTo(403);
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        DeskClient.newUser(port, "dave", "DEVELOPER");
        assertThat(scrape(DeskClient.browserLogin(port, "dave", "pw-dave-0123456789").createToken("m")).statusCode())
                .isEqualTo(403);
        assertThat(scrape(DeskTest.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void postedDataGivesTheExpectedKpisAndGauges() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient developer = DeskClient.newUser(port, "devon", "DEVELOPER");
        // March: 3 successful production deployments, 1 failed; staging does not count
        assertThat(developer.post("/api/v1/deployments", deployment("production", "success",
                "2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z")).status()).isEqualTo(201);
        assertThat(developer.post("/api/v1/deployments", json("{\"environment\":\"production\",\"version\":\"1.4.1\","
                + "\"commit\":\"def5678\",\"status\":\"success\",\"startedAt\":\"2026-03-05T09:00:00Z\","
                + "\"finishedAt\":\"2026-03-05T09:10:00Z\",\"firstCommitAt\":\"2026-03-04T09:10:00Z\"}")).status())
                .isEqualTo(201);
        admin.post("/api/v1/deployments", deployment("production", "FAILURE", "2026-03-06T09:00:00Z", "2026-03-06T09:05:00Z"));
        // the last one before the incident below: blamed for it (24 h window)
        admin.post("/api/v1/deployments", deployment("production", "success", "2026-03-10T08:00:00Z", "2026-03-10T08:30:00Z"));
        admin.post("/api/v1/deployments", deployment("staging", "failure", "2026-03-10T08:00:00Z", "2026-03-10T08:30:00Z"));

        assertThat(xml(DeskClient.browserLogin(port, "devon", "pw-devon-0123456789").createToken("ci"), "/api/v1/coverage?component=api&commit=a1", CoverageXmlTest.JACOCO)
                .statusCode()).isEqualTo(201);
        CLOCK.advance(Duration.ofMinutes(1));
        HttpResponse<String> second = xml(DeskTest.ADMIN_TOKEN, "/api/v1/coverage?component=api&commit=a2",
                CoverageXmlTest.COBERTURA);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(second.body()).contains("\"percent\":81.5");
        CLOCK.set(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());

        // a P1 incident: created 10:00, assigned 10:30, merged 11:00 with test evidence
        long p1 = admin.post("/api/v1/tickets", "{\"title\":\"Site down\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        String t = "/api/v1/tickets/" + p1;
        move(admin, p1, "TRIAGED");
        CLOCK.advance(Duration.ofMinutes(30));
        admin.patch(t, json("{\"version\":%s,\"assignee\":\"admin\"}", admin.get(t).json().get("version").asInt()));
        move(admin, p1, "ASSIGNED");
        move(admin, p1, "IN_PROGRESS");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#1\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci run 12\",\"releaseNote\":\"fixed\"}",
                admin.get(t).json().get("version").asInt()));
        move(admin, p1, "IN_REVIEW");
        CLOCK.advance(Duration.ofMinutes(30));
        move(admin, p1, "MERGED");
        // a P2 nobody takes, created at 11:00: take-charge (2 h) breached at 13:30
        admin.post("/api/v1/tickets", "{\"title\":\"Slow search\",\"type\":\"EVOLUTIVE\",\"priority\":\"P2\"}");
        CLOCK.advance(Duration.ofMinutes(150));

        // No waiting: the facts are written in the transaction of each change, before its answer.
        JsonNode report = admin.get("/api/v1/kpis?from=2026-02&to=2026-03").json();
        assertThat(point(report, "p1_mean_resolution_time", 1).get("n").asLong()).isEqualTo(1);
        assertThat(point(report, "tickets_with_tests", 1).get("n").asLong()).isEqualTo(1);
        assertThat(report.get("from").asString()).isEqualTo("2026-02");
        JsonNode february = point(report, "deployment_success_rate", 0);
        assertThat(february.get("n").asLong()).isZero();
        assertThat(february.get("status").asString()).isEqualTo("NO_DATA");
        JsonNode deployments = point(report, "deployment_success_rate", 1);
        assertThat(deployments.get("n").asLong()).isEqualTo(4);
        assertThat(deployments.get("value").asDouble()).isEqualTo(75.0);
        assertThat(deployments.get("status").asString()).isEqualTo("NOT_MET");
        assertThat(deployments.get("target").asString()).isEqualTo("≥ 95%");
        JsonNode p1Time = point(report, "p1_mean_resolution_time", 1);
        assertThat(p1Time.get("value").asDouble()).isEqualTo(1.0);
        assertThat(p1Time.get("details").get("wallMedian").asDouble()).isEqualTo(1.0);
        assertThat(p1Time.get("status").asString()).isEqualTo("MET");
        assertThat(point(report, "tickets_with_tests", 1).get("status").asString()).isEqualTo("MET");
        JsonNode coverage = point(report, "test_coverage", 1);
        assertThat(coverage.get("n").asLong()).isEqualTo(1);
        assertThat(coverage.get("value").asDouble()).isEqualTo(6.5);
        assertThat(coverage.get("status").asString()).isEqualTo("MET");
        // no post-mortem detector in this build yet, or one: never "met" without data
        JsonNode recurring = point(report, "recurring_incidents", 1);
        assertThat(recurring.get("status").asString()).isIn("NO_DATA", "MET");
        JsonNode cfr = point(report, "change_failure_rate", 1);
        assertThat(cfr.get("n").asLong()).isEqualTo(4);
        assertThat(cfr.get("value").asDouble()).isEqualTo(50.0);
        assertThat(point(report, "lead_time_for_changes", 1).get("value").asDouble()).isEqualTo(24.0);
        assertThat(point(report, "deployment_frequency", 1).get("details").get("bucket").asString()).isEqualTo("MONTHLY");
        assertThat(point(report, "time_to_restore", 1).get("value").asDouble()).isEqualTo(1.0);
        JsonNode takeCharge = point(report, "sla_take_charge_P1", 1);
        assertThat(takeCharge.get("n").asLong()).isEqualTo(1);
        assertThat(takeCharge.get("status").asString()).isEqualTo("MET");
        assertThat(point(report, "sla_resolution_P1", 1).get("status").asString()).isEqualTo("MET");
        assertThat(point(report, "sla_take_charge_P2", 1).get("status").asString()).isEqualTo("NO_DATA");

        JsonNode conformance = admin.get("/api/v1/conformance?month=2026-03").json();
        assertThat(conformance.get("month").asString()).isEqualTo("2026-03");
        JsonNode tests = rule(conformance, "tickets_with_tests");
        assertThat(tests.get("n").asLong()).isEqualTo(1);
        assertThat(tests.get("kept").asLong()).isEqualTo(1);
        JsonNode commits = rule(conformance, "commits_conventional");
        assertThat(commits.get("n").asLong()).isZero();
        assertThat(commits.get("status").asString()).isEqualTo("NO_DATA");
        assertThat(rule(conformance, "preventive_on_time").get("status").asString()).isIn("NO_DATA", "MET", "NOT_MET");

        String metrics = waitFor(() -> scrape(DeskTest.ADMIN_TOKEN).body(),
                m -> m.contains("desk_sla_breached{priority=\"P2\"} 1.0")
                        && m.contains("desk_tickets{priority=\"P1\",state=\"MERGED\"} 1.0")
                        && m.contains("desk_kpi_value{kpi=\"deployment_success_rate\"} 75.0"));
        assertThat(metrics).contains("desk_kpi_samples{kpi=\"deployment_success_rate\"} 4.0")
                .contains("desk_kpi_met{kpi=\"deployment_success_rate\"} 0.0")
                .contains("desk_kpi_met{kpi=\"p1_mean_resolution_time\"} 1.0")
                .contains("desk_tickets{priority=\"P1\",state=\"MERGED\"} 1.0")
                .contains("desk_tickets{priority=\"P2\",state=\"NEW\"} 1.0")
                .contains("desk_sla_breached{priority=\"P1\"} 0.0");
    }

    /**
     * A real Prometheus (the Debian binary, its own temporary directory, a free loopback port, scraping
     * every second with the admin token) scrapes the desk holding the data of the test above; every
     * PromQL expression of the Grafana dashboard and of alerts.yml returns data through its HTTP API.
     */
    @Test
    @Order(4)
    void aRealPrometheusScrapesTheDeskAndEveryDashboardAndAlertExpressionHasData() throws Exception {
        // an open P1, for the alert on open P1s to have something to say
        assertThat(DeskClient.admin(port).post("/api/v1/tickets",
                "{\"title\":\"Payments down\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}").status()).isEqualTo(201);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("desk-prometheus");
        int promPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            promPort = s.getLocalPort();
        }
        java.nio.file.Path rules = java.nio.file.Path.of("ops/prometheus/alerts.yml").toAbsolutePath();
        java.nio.file.Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: ["%s"]
                scrape_configs:
                  - job_name: desk
                    metrics_path: /actuator/prometheus
                    scrape_timeout: 1s
                    authorization:
                      type: Bearer
                      credentials: %s
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(rules, DeskTest.ADMIN_TOKEN, port));
        Process prometheus = new ProcessBuilder(Ops.executable("DESK_PROMETHEUS", "/usr/bin/prometheus"),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + promPort, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + promPort + "/api/v1/";
            waitFor(() -> query(api, "up{job=\"desk\"} == 1"), r -> r != null && !r.get("data").get("result").isEmpty());
            java.util.List<String> expressions = new java.util.ArrayList<>(Ops.dashboardPromQl());
            expressions.addAll(Ops.alertExpressions());
            assertThat(expressions).hasSizeGreaterThanOrEqualTo(15);
            for (String expr : expressions) {
                JsonNode answer;
                try {
                    answer = waitFor(() -> query(api, expr), r -> r != null && !r.get("data").get("result").isEmpty());
                } catch (AssertionError e) {
                    throw new AssertionError("no data for " + expr + ": " + e.getMessage(), e);
                }
                assertThat(answer.get("status").asString()).as(expr).isEqualTo("success");
            }
            // the rules loaded and evaluate without error
            JsonNode groups = waitFor(() -> get(api + "rules"), r -> r != null && r.get("data").get("groups").size() == 1);
            groups.get("data").get("groups").get(0).get("rules")
                    .forEach(r -> assertThat(r.get("health").asString()).as(r.toString()).isEqualTo("ok"));
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
            }
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }

    /** The dashboard's PostgreSQL panels run on the desk's database (the data above) and return rows. */
    @Test
    @Order(5)
    void theDashboardsSqlPanelsRunOnTheDatabase() {
        for (String sql : Ops.dashboardSql()) {
            // the panels look back 24 months from now(): this test's data is from March 2026
            String query = sql.replace("now()", "TIMESTAMP WITH TIME ZONE '2026-03-31 00:00:00+00'");
            java.util.List<java.util.Map<String, Object>> rows = jdbc.sql(query).query().listOfRows();
            assertThat(rows).as(sql).isNotEmpty();
            assertThat(rows.getFirst()).as(sql).containsKey("time");
        }
    }

    @Autowired
    FactsBackfill backfill;

    /** Tickets without facts (made before the module, or an event lost in a crash) get them back. */
    @Test
    @Order(6)
    void missingFactsAreBackfilled() {
        long tickets = count("tickets");
        assertThat(count("kpi_ticket_facts")).isEqualTo(tickets);
        jdbc.sql("DELETE FROM kpi_ticket_facts WHERE priority = 'P1'").update();
        assertThat(count("kpi_ticket_facts")).isLessThan(tickets);
        assertThat(backfill.run()).isEqualTo(2);
        assertThat(count("kpi_ticket_facts")).isEqualTo(tickets);
        assertThat(backfill.run()).isZero();
        JsonNode report = DeskClient.admin(port).get("/api/v1/kpis?from=2026-03&to=2026-03").json();
        assertThat(point(report, "p1_mean_resolution_time", 0).get("n").asLong()).isEqualTo(1);
    }

    static JsonNode query(String api, String expr) {
        return get(api + "query?query=" + java.net.URLEncoder.encode(expr, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A GET to Prometheus's API; null while it is not answering yet. */
    static JsonNode get(String url) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode point(JsonNode report, String key, int index) {
        for (JsonNode s : report.get("series")) {
            if (s.get("key").asString().equals(key)) {
                return s.get("points").get(index);
            }
        }
        throw new AssertionError("no series " + key + " in " + report);
    }

    static JsonNode rule(JsonNode report, String key) {
        for (JsonNode r : report.get("rules")) {
            if (r.get("key").asString().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + key + " in " + report);
    }

    /** Polls until the condition holds (Prometheus scrapes, the gauges' refresh), at most 30 s. */
    static <T> T waitFor(java.util.function.Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(30);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached in 30 s: " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }

    private static void move(DeskClient admin, long n, String to) {
        Response r = admin.post("/api/v1/tickets/" + n + "/transitions", json("{\"to\":%s}", to));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    HttpResponse<String> scrape(String token) {
        return send(token, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain").GET());
    }

    HttpResponse<String> xml(String token, String path, String body) {
        return send(token, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/xml").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> send(String token, HttpRequest.Builder b) {
        try {
            b.timeout(Duration.ofSeconds(20));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
