package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static dev.maintenancedesk.github.GitHubPayloads.freshIssue;
import static dev.maintenancedesk.github.GitHubPayloads.issueEvent;
import static dev.maintenancedesk.github.GitHubPayloads.labels;
import static dev.maintenancedesk.github.GitHubPayloads.newId;
import static dev.maintenancedesk.github.GitHubPayloads.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code POST /webhooks/github} over real HTTP, with the real payloads GitHub publishes, processed by the live worker. */
@DeskTest
@TestPropertySource(properties = {"DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET,
        "DESK_GITHUB_REPOSITORY=" + REPOSITORY})
class WebhookEndpointTest {

    @LocalServerPort int port;
    @Autowired Deliveries deliveries;
    @Autowired IssueMap issues;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    @Test
    void a_signed_issue_delivery_is_stored_acknowledged_and_then_opens_a_ticket() {
        long number = freshIssue();
        String id = newId();
        var response = post(port, "issues", id, issueEvent("issues.opened", number, i -> labels(i, "bug", "P2")
                .put("title", "Le formulaire de contact plante")));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"stored\":true");
        assertThat(settled(id).status()).isEqualTo(Delivery.Status.DONE);
        TicketView ticket = tickets.get(issues.ticketOf(REPOSITORY, number).orElseThrow());
        assertThat(ticket.title()).isEqualTo("Le formulaire de contact plante");
        assertThat(ticket.priority()).isEqualTo(Priority.P2);
        assertThat(ticket.type()).isEqualTo(TicketType.CORRECTIVE);
        assertThat(ticket.labels()).containsExactly("bug");
        assertThat(ticket.reporter()).isEqualTo("github");
        assertThat(deliveries.get(id).event()).isEqualTo("issues");
        assertThat(deliveries.get(id).action()).isEqualTo("opened");
    }

    @Test
    void a_redelivery_with_the_same_id_changes_nothing() {
        long number = freshIssue();
        String id = newId();
        var payload = issueEvent("issues.opened", number, i -> i.put("title", "Première version"));
        assertThat(post(port, "issues", id, payload).statusCode()).isEqualTo(202);
        settled(id);
        long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
        int version = tickets.get(ticket).version();
        long total = jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single();

        ((tools.jackson.databind.node.ObjectNode) payload.get("issue")).put("title", "Autre titre");
        var again = post(port, "issues", id, payload);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"stored\":false");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM github_deliveries WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(tickets.get(ticket).title()).isEqualTo("Première version");
        assertThat(tickets.get(ticket).version()).isEqualTo(version);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single()).isEqualTo(total);
    }

    @Test
    void a_wrong_or_missing_signature_is_a_401_problem_and_nothing_is_stored() {
        long number = freshIssue();
        byte[] body = GitHubPayloads.JSON.writeValueAsBytes(issueEvent("issues.opened", number, i -> { }));
        String wrong = WebhookSignature.sign("another-secret".getBytes(StandardCharsets.UTF_8), body);
        String id = newId();
        var refused = GitHubPayloads.send(port, request("issues", id, body).header("X-Hub-Signature-256", wrong));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("webhook-signature-invalid");

        String id2 = newId();
        var unsigned = GitHubPayloads.send(port, request("issues", id2, body));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("webhook-signature-missing");

        var garbled = GitHubPayloads.send(port, request("issues", newId(), body).header("X-Hub-Signature-256", "sha256=zz"));
        assertThat(garbled.statusCode()).isEqualTo(401);
        assertThat(stored(id) + stored(id2)).isZero();
        assertThat(issues.count(REPOSITORY, number)).isZero();
    }

    @Test
    void missing_delivery_headers_are_a_400_naming_the_header() {
        byte[] body = GitHubPayloads.JSON.writeValueAsBytes(GitHubPayloads.example("ping"));
        var noEvent = GitHubPayloads.send(port, HttpRequest.newBuilder(GitHubPayloads.uri(port))
                .header("Content-Type", "application/json").header("X-GitHub-Delivery", newId())
                .header("X-Hub-Signature-256", new String(GitHubPayloads.sign(body), StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(noEvent.body()).contains("\"field\":\"X-GitHub-Event\"");
        var noId = GitHubPayloads.send(port, HttpRequest.newBuilder(GitHubPayloads.uri(port))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "ping")
                .header("X-Hub-Signature-256", new String(GitHubPayloads.sign(body), StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("\"field\":\"X-GitHub-Delivery\"");
    }

    @Test
    void invalid_json_a_wrong_content_type_or_a_body_unlike_its_event_is_a_400_and_nothing_is_applied() {
        String id = newId();
        byte[] notJson = "{\"action\": \"opened\", ".getBytes(StandardCharsets.UTF_8);
        var broken = GitHubPayloads.send(port, signed("issues", id, notJson));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(broken.body()).contains("invalid-json");

        long number = freshIssue();
        var payload = issueEvent("issues.opened", number, i -> i.remove("number"));
        byte[] unlike = GitHubPayloads.JSON.writeValueAsBytes(payload);
        String id2 = newId();
        var shape = GitHubPayloads.send(port, signed("issues", id2, unlike));
        assertThat(shape.statusCode()).isEqualTo(400);
        assertThat(shape.body()).contains("\"field\":\"issue.number\"");

        byte[] good = GitHubPayloads.JSON.writeValueAsBytes(issueEvent("issues.opened", number, i -> { }));
        String id3 = newId();
        var form = GitHubPayloads.send(port, signed("issues", id3, good).setHeader("Content-Type",
                "application/x-www-form-urlencoded"));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("\"field\":\"Content-Type\"");
        assertThat(stored(id) + stored(id2) + stored(id3)).isZero();
        assertThat(issues.count(REPOSITORY, number)).isZero();
    }

    @Test
    void a_body_over_githubs_25_mb_cap_is_a_413_whether_announced_or_streamed() {
        // Announced: answered from the headers alone, before a byte of the body is read.
        String id = newId();
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nX-GitHub-Event: ping\r\nX-GitHub-Delivery: " + id + "\r\n"
                    + "X-Hub-Signature-256: sha256=00\r\nContent-Length: " + (Deliveries.MAX_BYTES + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder head = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c; !head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1; ) {
                head.append((char) c);
            }
            answer = head.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        String id2 = newId();
        var streamed = GitHubPayloads.send(port, HttpRequest.newBuilder(GitHubPayloads.uri(port))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", id2).header("X-Hub-Signature-256", "sha256=00")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    long left = Deliveries.MAX_BYTES + 4096;

                    @Override
                    public int read() {
                        return left-- > 0 ? ' ' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        Arrays.fill(b, off, off + n, (byte) ' ');
                        left -= n;
                        return n;
                    }
                })));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(stored(id) + stored(id2)).isZero();
    }

    @Test
    void an_unknown_event_is_stored_and_ignored() {
        String id = newId();
        JsonNode star = GitHubPayloads.JSON.readTree("{\"action\":\"created\",\"starred_at\":\"2026-01-01T00:00:00Z\"}");
        assertThat(post(port, "star", id, star).statusCode()).isEqualTo(202);
        Delivery d = settled(id);
        assertThat(d.status()).isEqualTo(Delivery.Status.IGNORED);
        assertThat(d.event()).isEqualTo("star");
        assertThat(jdbc.sql("SELECT payload FROM github_deliveries WHERE id = ?").param(id).query(String.class).single())
                .contains("starred_at");
    }

    @Test
    void the_ping_github_sends_first_is_acknowledged() {
        String id = newId();
        assertThat(post(port, "ping", id, GitHubPayloads.example("ping")).statusCode()).isEqualTo(202);
        assertThat(settled(id).status()).isEqualTo(Delivery.Status.IGNORED);
    }

    @Test
    void the_admin_page_lists_deliveries_and_replays_one() {
        long number = freshIssue();
        String id = newId();
        post(port, "issues", id, issueEvent("issues.opened", number, i -> i.put("title", "Rejouée depuis la page")));
        settled(id);
        long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
        // A desk user changes the title; replaying the delivery brings GitHub's back.
        tickets.update(ticket, new TicketView.Changes(tickets.get(ticket).version(), "Changé dans le bureau", null,
                null, null, null, null, null, null, null, null, null, null, null),
                dev.maintenancedesk.accounts.Actor.automation("desk"));

        DeskClient admin = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        DeskClient.Response page = admin.get("/admin/github");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("GitHub : livraisons des webhooks").contains(id).contains("Appliquée")
                .contains("Rejouer");
        String csrf = admin.csrfFrom("/admin/github");
        DeskClient.Response replay = admin.form("/admin/github/deliveries/" + id + "/replay", "_csrf=" + csrf);
        assertThat(replay.status()).isEqualTo(302);
        settled(id);
        assertThat(tickets.get(ticket).title()).isEqualTo("Rejouée depuis la page");
        assertThat(admin.get("/admin/github?status=DONE").body()).contains(id);
        assertThat(admin.get("/admin/github?status=nope").status()).isEqualTo(400);

        DeskClient.newUser(port, "ghpage-dev", "DEVELOPER");
        DeskClient developer = DeskClient.browserLogin(port, "ghpage-dev", "pw-ghpage-dev-0123456789");
        assertThat(developer.get("/admin/github").status()).isEqualTo(403);
    }

    private HttpRequest.Builder request(String event, String id, byte[] body) {
        return HttpRequest.newBuilder(GitHubPayloads.uri(port)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", id)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder signed(String event, String id, byte[] body) {
        return request(event, id, body).header("X-Hub-Signature-256",
                new String(GitHubPayloads.sign(body), StandardCharsets.UTF_8));
    }

    private long stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM github_deliveries WHERE id = ?").param(id).query(Long.class).single();
    }

    /** Waits (bounded) until the worker has dealt with the delivery. */
    Delivery settled(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Delivery d = deliveries.get(id);
            if (d.status() != Delivery.Status.PENDING) {
                return d;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("delivery " + id + " still pending: " + deliveries.get(id));
    }

    @SuppressWarnings("unused")
    private static HttpResponse.BodyHandler<String> text() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
