package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's request hardening: duplicate JSON keys refused, bodies capped (declared or chunked), the
 * security headers on pages and API answers, and no token in the log when Tomcat refuses a header.
 */
@DeskTest
@ExtendWith(OutputCaptureExtension.class)
class RequestHardeningTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private long tickets(String title) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        DeskClient.Response answer = DeskClient.admin(port).post("/api/v1/tickets",
                "{\"title\":\"Dup premier\",\"priority\":\"P3\",\"title\":\"Dup second\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("duplicate-field");
        assertThat(tickets("Dup premier") + tickets("Dup second")).isZero();
    }

    @Test
    void aBodyOverTheLimitIsA413WhetherDeclaredOrChunked() throws Exception {
        String big = "{\"title\":\"Trop gros\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> declared = http.send(request().POST(HttpRequest.BodyPublishers.ofString(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(declared.body()).contains("\"limit\":1048576").contains("/problems/body-too-large");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        // no Content-Length: a chunked body that runs over while it is read
        HttpResponse<String> chunked = http.send(request().POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bytes))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(tickets("Trop gros")).isZero();

        HttpResponse<String> small = http.send(request().POST(HttpRequest.BodyPublishers.ofString(
                "{\"title\":\"Juste assez\",\"description\":\"" + "x".repeat(900_000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        // under the limit the body is read and judged on its content (the description's own maximum)
        assertThat(small.statusCode()).as(small.body()).isEqualTo(400);
        assertThat(small.body()).contains("\"field\":\"description\"").doesNotContain("body-too-large");
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/api/v1/tickets?limit=1", "/api/v1/tickets/abc"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + DeskTest.ADMIN_TOKEN).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(
                    v -> assertThat(v).contains("camera=()", "geolocation=()"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
                    v -> assertThat(v).contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void aTokenInAHeaderTomcatRefusesIsNotLogged(CapturedOutput output) throws Exception {
        String token = DeskTest.ADMIN_TOKEN;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\u0001\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        assertThat(output.getAll()).doesNotContain(token.substring(4));
    }

    /** Requests Tomcat refuses before any filter: the desk's headers still, and no Tomcat page with inline styles. */
    @Test
    void tomcatsOwnRefusalsCarryTheSecurityHeaders() throws Exception {
        String[] requests = {
            "GET /tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0001b\r\nConnection: close\r\n\r\n",
            "GET /a b c HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0001b\r\nConnection: close\r\n\r\n"};
        for (String raw : requests) {
            String answer = raw(raw);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
            assertThat(answer).as(raw).startsWith("HTTP/1.1 400");
            assertThat(head).as(raw).contains("content-security-policy: " + "default-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("x-content-type-options: nosniff")
                    .contains("x-frame-options: deny")
                    .contains("referrer-policy: strict-origin-when-cross-origin")
                    .contains("permissions-policy: camera=()");
            assertThat(answer).as(raw).doesNotContain("<style").doesNotContainIgnoringCase("tomcat");
        }
        String api = raw(requests[3]);
        assertThat(api.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(api).contains("\"status\":400").contains("\"type\":\"/problems/unreadable-request\"");
        assertThat(raw(requests[0])).contains("Le Desk n’a pas pu lire cette requête.");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + DeskTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20));
    }
}
