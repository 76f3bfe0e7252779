package dev.maintenancedesk.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.github.GitHubStub.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST client against the loopback stand-in: rate limits, retries, ETags, Link pages; every request checked against GitHub's OpenAPI. */
class GitHubClientTest {

    private final GitHubStub stub = new GitHubStub().withDefaults();
    private final GitHubClient client = new GitHubClient(new GitHubSettings("", stub.url(), "octo/desk", "ghp_test"),
            Clock.systemUTC());

    @AfterEach
    void stop() {
        assertThat(stub.violations()).isEmpty();
        stub.close();
    }

    @Test
    void a_403_with_no_rate_limit_left_waits_for_the_reset_then_retries() {
        long reset = Instant.now().getEpochSecond() + 1;
        stub.once("POST", "/repos/octo/desk/statuses/[0-9a-f]+", new Reply(403, Map.of("Content-Type", "application/json",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)),
                "{\"message\":\"API rate limit exceeded\"}"));
        var answer = client.send("POST", "/repos/octo/desk/statuses/" + "a".repeat(40), status());
        assertThat(answer.status()).isEqualTo(201);
        assertThat(stub.requests("POST", "/repos/octo/desk/statuses/.*")).hasSize(2);
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(reset);
    }

    @Test
    void a_429_with_retry_after_is_obeyed() {
        stub.once("PATCH", "/repos/octo/desk/issues/7", new Reply(429, Map.of("Retry-After", "1",
                "Content-Type", "application/json"), "{\"message\":\"You have exceeded a secondary rate limit\"}"));
        var answer = client.send("PATCH", "/repos/octo/desk/issues/7",
                GitHubStub.JSON.readTree("{\"labels\":[\"bug\",\"P1\"]}"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(stub.requests("PATCH", "/repos/octo/desk/issues/7")).hasSize(2);
    }

    @Test
    void a_long_secondary_limit_is_handed_back_to_the_outbox_instead_of_slept() {
        stub.once("PATCH", "/repos/octo/desk/issues/8", new Reply(403, Map.of("Retry-After", "120",
                "Content-Type", "application/json"), "{\"message\":\"You have exceeded a secondary rate limit\"}"));
        Instant before = Instant.now();
        assertThatThrownBy(() -> client.send("PATCH", "/repos/octo/desk/issues/8",
                GitHubStub.JSON.readTree("{\"state\":\"closed\"}")))
                .isInstanceOfSatisfying(GitHubClient.Unavailable.class,
                        e -> assertThat(e.retryAt()).isAfterOrEqualTo(before.plusSeconds(119)));
        assertThat(stub.requests("PATCH", "/repos/octo/desk/issues/8")).hasSize(1);
    }

    @Test
    void a_server_error_is_retried_with_back_off_but_a_failed_post_is_not_repeated() {
        stub.once("PATCH", "/repos/octo/desk/issues/9", new Reply(502, Map.of(), ""));
        assertThat(client.send("PATCH", "/repos/octo/desk/issues/9", GitHubStub.JSON.readTree("{\"title\":\"t\"}"))
                .status()).isEqualTo(200);
        assertThat(stub.requests("PATCH", "/repos/octo/desk/issues/9")).hasSize(2);

        stub.once("POST", "/repos/octo/desk/issues/9/comments", new Reply(502, Map.of(), ""));
        assertThatThrownBy(() -> client.send("POST", "/repos/octo/desk/issues/9/comments",
                GitHubStub.JSON.readTree("{\"body\":\"hello\"}"))).isInstanceOf(GitHubClient.Unavailable.class);
        assertThat(stub.requests("POST", "/repos/octo/desk/issues/9/comments")).hasSize(1);
    }

    @Test
    void a_get_is_conditional_on_the_last_etag() {
        JsonNode files = GitHubStub.JSON.readTree("[{\"filename\":\"src/test/java/FooTest.java\",\"status\":\"added\"}]");
        stub.on("GET", "/repos/octo/desk/pulls/3/files", r -> "\"v1\"".equals(r.header("If-None-Match"))
                ? new Reply(304, Map.of("ETag", "\"v1\""), null)
                : new Reply(200, Map.of("ETag", "\"v1\"", "Content-Type", "application/json"), files.toString()));
        assertThat(client.get("/repos/octo/desk/pulls/3/files").body()).isEqualTo(files);
        assertThat(client.get("/repos/octo/desk/pulls/3/files").body()).isEqualTo(files);
        List<GitHubStub.Recorded> sent = stub.requests("GET", "/repos/octo/desk/pulls/3/files");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).header("If-None-Match")).isNull();
        assertThat(sent.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void a_list_is_read_page_by_page_through_the_link_header() {
        // The five pages @octokit/fixtures recorded, their Link headers pointing at the stand-in.
        for (int page = 1; page <= 5; page++) {
            JsonNode recorded = GitHubStub.fixture("paginate-issues", page - 1);
            String link = recorded.path("headers").path("link").asString("")
                    .replace("https://api.github.com/repositories/1000/issues", stub.url() + "/repos/octo/desk/issues");
            int p = page;
            stub.on("GET", "/repos/octo/desk/issues", r -> page(r.query()) == p
                    ? new Reply(200, link.isEmpty() ? Map.of("Content-Type", "application/json")
                            : Map.of("Link", link, "Content-Type", "application/json"), recorded.get("response").toString())
                    : null);
        }
        List<Integer> progress = new java.util.ArrayList<>();
        List<JsonNode> issues = client.getAll("/repos/octo/desk/issues?per_page=3", progress::add);
        assertThat(stub.requests("GET", "/repos/octo/desk/issues")).hasSize(5);
        assertThat(issues).hasSize(13);
        assertThat(progress).containsExactly(3, 6, 9, 12, 13);
    }

    @Test
    void the_openapi_check_catches_a_request_github_would_refuse() {
        Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer x"),
                "Accept", List.of("application/vnd.github+json"), "Content-Type", List.of("application/json"));
        assertThat(GitHubStub.check(new GitHubStub.Recorded("POST", "/repos/o/r/statuses/abc", null, headers,
                "{\"state\":\"green\"}"))).anySatisfy(p -> assertThat(p).contains("body"));
        assertThat(GitHubStub.check(new GitHubStub.Recorded("POST", "/repos/o/r/statuses/abc", null, headers, "")))
                .anySatisfy(p -> assertThat(p).contains("request body required"));
        assertThat(GitHubStub.check(new GitHubStub.Recorded("DELETE", "/repos/o/r/issues/1", null, headers, "")))
                .anySatisfy(p -> assertThat(p).contains("no such operation"));
        assertThat(GitHubStub.check(new GitHubStub.Recorded("GET", "/repos/o/r/issues", "per_page=x", headers, "")))
                .anySatisfy(p -> assertThat(p).contains("per_page"));
        assertThat(GitHubStub.check(new GitHubStub.Recorded("POST", "/repos/o/r/statuses/abc", null, headers,
                "{\"state\":\"success\",\"context\":\"maintenance-desk/plan\"}"))).isEmpty();
    }

    private static int page(String query) {
        var m = java.util.regex.Pattern.compile("(?:^|&)page=(\\d+)").matcher(query == null ? "" : query);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static JsonNode status() {
        return GitHubStub.JSON.readTree("{\"state\":\"success\",\"context\":\"maintenance-desk/plan\",\"description\":\"ok\"}");
    }
}
