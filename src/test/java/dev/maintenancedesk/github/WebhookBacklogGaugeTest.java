package dev.maintenancedesk.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook backlog on /actuator/prometheus counts the deliveries not applied yet. */
@DeskTest
class WebhookBacklogGaugeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBacklogGaugeCountsPendingDeliveries() throws Exception {
        double before = backlog();
        jdbc.sql("""
                INSERT INTO github_deliveries (id, event, payload, status, attempts, received_at, next_attempt_at)
                VALUES (?, 'ping', '{}', 'PENDING', 0, ?, ?)""")
                .params("gauge-" + System.nanoTime(), java.sql.Timestamp.from(Instant.now()),
                        java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1)))).update();
        assertThat(backlog()).isEqualTo(before + 1);
    }

    private double backlog() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + DeskTest.ADMIN_TOKEN).header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(?m)^desk_github_webhook_backlog(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(scrape.body());
        assertThat(m.find()).as("the gauge is exposed").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
