package dev.maintenancedesk.kpi;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The KPI SQL also runs on the embedded H2 database (the evaluation default): data in, figures out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "spring.datasource.username=", "spring.datasource.password=",
                "desk.kpi.metrics-refresh=PT1S",
                "DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD, "DESK_ADMIN_TOKEN=" + DeskTest.ADMIN_TOKEN})
class KpiH2Test {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDirectory.resolve("desk").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
    }

    @LocalServerPort
    int port;

    @Test
    void theKpisTheConformanceReportAndTheGaugesWorkOnH2() {
        DeskClient admin = DeskClient.admin(port);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(admin.post("/api/v1/deployments", json("{\"environment\":\"production\",\"status\":\"success\","
                + "\"startedAt\":%s,\"finishedAt\":%s,\"firstCommitAt\":%s}", now.minusMinutes(9).toString(),
                now.minusMinutes(5).toString(), now.minusHours(5).toString())).status()).isEqualTo(201);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Down\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        admin.post("/api/v1/tickets/" + n + "/transitions", "{\"to\":\"TRIAGED\"}");
        String month = YearMonth.now(ZoneId.of("Europe/Paris")).toString();
        JsonNode report = KpiApiTest.waitFor(() -> admin.get("/api/v1/kpis?from=" + month + "&to=" + month).json(),
                r -> KpiApiTest.point(r, "deployment_success_rate", 0).get("n").asLong() == 1
                        && KpiApiTest.point(r, "recurring_incidents", 0).has("n"));
        assertThat(KpiApiTest.point(report, "deployment_success_rate", 0).get("status").asString()).isEqualTo("MET");
        assertThat(KpiApiTest.point(report, "lead_time_for_changes", 0).get("value").asDouble()).isGreaterThan(4.9);
        assertThat(KpiApiTest.point(report, "change_failure_rate", 0).get("n").asLong()).isEqualTo(1);
        JsonNode conformance = admin.get("/api/v1/conformance?month=" + month).json();
        assertThat(KpiApiTest.rule(conformance, "api_changes_documented").get("status").asString()).isEqualTo("NO_DATA");
        assertThat(KpiApiTest.rule(conformance, "postmortems_written").get("n").asLong()).isZero();
        // the gauges (refreshed every second here) count the new ticket on H2 too
        String metrics = KpiApiTest.waitFor(() -> KpiApiTest.send(DeskTest.ADMIN_TOKEN, java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .header("Accept", "text/plain").GET()).body(),
                m -> m.contains("desk_tickets{priority=\"P1\",state=\"TRIAGED\"} 1.0"));
        assertThat(metrics).contains("desk_kpi_samples{kpi=\"deployment_success_rate\"} 1.0")
                .contains("desk_sla_breached{priority=\"P1\"}");
    }
}
