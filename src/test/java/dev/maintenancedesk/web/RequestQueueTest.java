package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The bounded queue over real HTTP, with room for one running request and one waiting: a create whose body is
 * still being sent holds the only place; the next request waits, the one after is refused at once (503
 * overloaded, Retry-After, problem+json or the French page), the waiting one is refused when its wait is over,
 * health answers throughout, and once the held request ends everything is served again.
 */
@DeskTest
@TestPropertySource(properties = {"desk.http.max-concurrent=1", "desk.http.max-queued=1", "desk.http.queue-timeout=10s"})
class RequestQueueTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void anOverloadedDeskAnswers503WithRetryAfterAndRecovers() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        String body = "{\"title\":\"Held while the queue is full\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket held = new Socket("127.0.0.1", port)) {
            held.setSoTimeout(30_000);
            OutputStream out = held.getOutputStream();
            out.write(("POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + DeskTest.ADMIN_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10);
            out.flush();
            awaitGauge("desk.http.running", 1);

            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/tickets?limit=1"))
                    .header("Authorization", "Bearer " + DeskTest.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            awaitGauge("desk.http.queued", 1);

            DeskClient.Response refused = admin.post("/api/v1/tickets", "{\"title\":\"Refused while the queue is full\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asString()).isEqualTo("/problems/overloaded");
            assertThat(problem.get("status").asInt()).isEqualTo(503);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.body()).contains("<html").contains("plus de demandes qu’il ne peut en traiter");

            assertThat(admin.get("/actuator/health").status()).as("health is not queued").isEqualTo(200);

            HttpResponse<String> timedOut = waiting.get(60, TimeUnit.SECONDS);
            assertThat(timedOut.statusCode()).as("the waiting request, once its wait is over").isEqualTo(503);
            assertThat(timedOut.body()).contains("/problems/overloaded");

            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(held.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).as("the held create, once its body arrived").startsWith("HTTP/1.1 201");
        }
        awaitGauge("desk.http.running", 0);
        assertThat(admin.get("/api/v1/tickets?text=Held+while+the+queue+is+full").json().get("items")).hasSize(1);
        assertThat(admin.get("/api/v1/tickets?text=Refused+while+the+queue+is+full").json().get("items"))
                .as("nothing of a refused request is stored").isEmpty();
        assertThat(meters.get("desk.http.overloaded").counter().count()).isEqualTo(3);
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/prometheus")).header("Authorization", "Bearer " + DeskTest.ADMIN_TOKEN)
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("(?m)^desk_http_overloaded_total(\\{[^}]*})? 3\\.0$")
                .containsPattern("(?m)^desk_http_queued(\\{[^}]*})? 0\\.0$").contains("desk_http_running")
                // requests are timed; what is in flight is told by the queue's gauges, not a timer per request
                .contains("http_server_requests_seconds_count").doesNotContain("http_server_requests_active");
    }

    /** Waits (a hang guard, not a speed check) until the queue's gauge shows the value. */
    private void awaitGauge(String name, double value) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (meters.get(name).gauge().value() != value && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(meters.get(name).gauge().value()).as(name).isEqualTo(value);
    }
}
