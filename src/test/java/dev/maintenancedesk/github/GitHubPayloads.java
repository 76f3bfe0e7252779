package dev.maintenancedesk.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real payloads of {@code @octokit/webhooks-examples} (copied under {@code src/test/resources/github/webhooks}),
 * adjusted per test (a fresh issue number, a title, an updated_at), signed and posted like GitHub does.
 */
public final class GitHubPayloads {

    public static final String SECRET = "webhook-secret-for-tests";
    public static final String REPOSITORY = "Codertocat/Hello-World";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000 * 1000 + 1000);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GitHubPayloads() {}

    /** An issue number no other test uses. */
    public static long freshIssue() {
        return NUMBERS.incrementAndGet();
    }

    static ObjectNode example(String name) {
        try (InputStream in = GitHubPayloads.class.getResourceAsStream("/github/webhooks/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example {@code name} about issue {@code number}, changed by {@code change}. */
    public static ObjectNode issueEvent(String name, long number, Consumer<ObjectNode> change) {
        ObjectNode payload = example(name);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("number", number);
        issue.put("html_url", "https://github.com/" + REPOSITORY + "/issues/" + number);
        change.accept(issue);
        return payload;
    }

    public static ObjectNode labels(ObjectNode issue, String... names) {
        var array = issue.putArray("labels");
        for (String n : names) {
            array.addObject().put("name", n).put("color", "ededed");
        }
        return issue;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static HttpResponse<String> post(int port, String event, String id, JsonNode payload) {
        byte[] body = JSON.writeValueAsBytes(payload);
        return send(port, HttpRequest.newBuilder(uri(port)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", id)
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/github");
    }

    static HttpResponse<String> send(int port, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(byte[] body) {
        return WebhookSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body).getBytes(StandardCharsets.UTF_8);
    }
}
