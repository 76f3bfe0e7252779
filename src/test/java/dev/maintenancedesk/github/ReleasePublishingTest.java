package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static dev.maintenancedesk.github.GitHubPayloads.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.github.GitHubStub.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Releases out (by the desk, and for a pushed version tag), release and deployment events in. */
@RecordApplicationEvents
class ReleasePublishingTest extends GitHubApiContext {

    @Autowired GitHubReleases releases;
    @Autowired Deliveries deliveries;
    @Autowired DeliveryWorker worker;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void publishing_creates_the_release_once_then_updates_it() {
        String tag = "v7.1.0";
        var first = releases.publish(tag, "## 7.1.0\n\n### Nouveautés\n\n- une chose\n");
        assertThat(first.status()).isEqualTo("SENT");
        List<GitHubStub.Recorded> created = STUB.requests("POST", "/repos/" + REPOSITORY + "/releases");
        assertThat(created).filteredOn(r -> r.json().get("tag_name").asString().equals(tag)).hasSize(1);
        JsonNode body = created.stream().filter(r -> r.json().get("tag_name").asString().equals(tag)).findFirst()
                .orElseThrow().json();
        assertThat(body.get("body").asString()).contains("### Nouveautés");

        // The same notes again: nothing new is sent.
        int before = STUB.requests().size();
        assertThat(releases.publish(tag, "## 7.1.0\n\n### Nouveautés\n\n- une chose\n").status()).isEqualTo("SENT");
        assertThat(STUB.requests()).hasSize(before);

        // New notes for a tag that has its release: updated, not created twice.
        JsonNode existing = GitHubStub.fixture("release-assets", 0).get("response");
        STUB.once("GET", "/repos/" + REPOSITORY + "/releases/tags/" + tag, Reply.json(200, existing));
        assertThat(releases.publish(tag, "## 7.1.0\n\n### Corrections\n\n- une autre\n").status()).isEqualTo("SENT");
        List<GitHubStub.Recorded> updated = STUB.requests("PATCH", "/repos/" + REPOSITORY + "/releases/"
                + existing.get("id").asLong());
        assertThat(updated).hasSize(1);
        assertThat(updated.getFirst().json().get("body").asString()).contains("une autre");
        assertThat(created.stream().filter(r -> r.json().get("tag_name").asString().equals(tag)).count())
                .isEqualTo(STUB.requests("POST", "/repos/" + REPOSITORY + "/releases").stream()
                        .filter(r -> r.json().get("tag_name").asString().equals(tag)).count());
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void a_pushed_version_tag_gets_the_desks_notes_since_the_previous_tag() {
        STUB.on("GET", "/repos/" + REPOSITORY + "/tags", r -> Reply.json(200, List.of(Map.of("name", "v8.1.0"),
                Map.of("name", "v8.0.0"), Map.of("name", "not-a-version"))));
        STUB.on("GET", "/repos/" + REPOSITORY + "/compare/v8\\.0\\.0\\.\\.\\.v8\\.1\\.0", r -> Reply.json(200, Map.of(
                "commits", List.of(commit("a1", "feat(tickets): filtre par équipe", "2026-06-02T10:00:00Z"),
                        commit("b2", "fix: corrige le tri des échéances", "2026-06-03T10:00:00Z")))));
        ObjectNode created = GitHubPayloads.example("create");
        created.put("ref", "v8.1.0").put("ref_type", "tag");
        receive("create", created);
        JsonNode release = STUB.requests("POST", "/repos/" + REPOSITORY + "/releases").stream().map(GitHubStub.Recorded::json)
                .filter(j -> j.get("tag_name").asString().equals("v8.1.0")).findFirst().orElseThrow();
        assertThat(release.get("body").asString()).contains("## 8.1.0").contains("Nouveautés")
                .contains("filtre par équipe").contains("Corrections").contains("corrige le tri des échéances");
        assertThat(jdbc.sql("SELECT source FROM github_releases WHERE tag = 'v8.1.0'").query(String.class).single())
                .isEqualTo("tag");
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void release_and_deployment_events_are_stored_and_a_deployment_is_announced() {
        String released = receive("release", GitHubPayloads.example("release.published"));
        assertThat(deliveries.get(released).status()).isEqualTo(Delivery.Status.DONE);
        assertThat(jdbc.sql("SELECT url FROM github_releases WHERE repository = ? AND tag = '0.0.1'").param(REPOSITORY)
                .query(String.class).single()).isEqualTo("https://github.com/Codertocat/Hello-World/releases/tag/0.0.1");

        ObjectNode deployment = GitHubPayloads.example("deployment_status.created");
        ((ObjectNode) deployment.get("deployment_status")).put("created_at", "2026-06-04T08:00:00Z")
                .put("environment_url", "https://cesizen.example.test");
        String id = receive("deployment_status", deployment);
        assertThat(deliveries.get(id).status()).isEqualTo(Delivery.Status.DONE);
        assertThat(events.stream(DeploymentReported.class)).containsExactly(new DeploymentReported("production",
                "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", "success", java.time.Instant.parse("2026-06-04T08:00:00Z"),
                "https://cesizen.example.test"));
        deliveries.replay(id);
        worker.drain();
        assertThat(events.stream(DeploymentReported.class)).hasSize(1);

        // The KPI module counts it like a deployment posted to /api/v1/deployments (after commit, asynchronously).
        String sha = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (countDeployments(sha) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(jdbc.sql("SELECT environment || ' ' || status FROM kpi_deployments WHERE commit_sha = ?").param(sha)
                .query(String.class).list()).containsExactly("production SUCCESS");
    }

    private long countDeployments(String sha) {
        return jdbc.sql("SELECT COUNT(*) FROM kpi_deployments WHERE commit_sha = ?").param(sha).query(Long.class).single();
    }

    private static Map<String, Object> commit(String sha, String message, String date) {
        return Map.of("sha", sha.repeat(20), "parents", List.of(Map.of("sha", "0".repeat(40))),
                "commit", Map.of("message", message, "committer", Map.of("date", date)));
    }

    private String receive(String event, JsonNode payload) {
        String id = newId();
        deliveries.receive(id, event, GitHubPayloads.JSON.writeValueAsBytes(payload));
        worker.drain();
        dispatcher.dispatch();
        return id;
    }
}
