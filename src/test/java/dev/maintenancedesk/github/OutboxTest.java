package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static dev.maintenancedesk.github.GitHubPayloads.freshIssue;
import static dev.maintenancedesk.github.GitHubPayloads.issueEvent;
import static dev.maintenancedesk.github.GitHubPayloads.labels;
import static dev.maintenancedesk.github.GitHubPayloads.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.github.GitHubStub.Reply;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Desk-side changes of GitHub tickets go out through the outbox, once, and their echo applies nothing new. */
class OutboxTest extends GitHubApiContext {

    static final Actor ALICE = new Actor("alice-dev", Role.DEVELOPER);

    @Autowired Deliveries deliveries;
    @Autowired DeliveryWorker worker;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired GitHubOutbox outbox;
    @Autowired IssueMap issues;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    @Test
    void desk_side_changes_go_out_once_and_their_echo_applies_nothing_new() {
        long number = freshIssue();
        String issuePath = "/repos/" + REPOSITORY + "/issues/" + number;
        receive("issues", issueEvent("issues.opened", number, i -> labels(i, "bug", "P3", "good first issue")
                .put("updated_at", "2026-05-01T09:00:00Z")));
        long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
        assertThat(queuedFor(issuePath)).as("changes that came from GitHub are not sent back").isEmpty();

        tickets.update(ticket, new TicketView.Changes(tickets.get(ticket).version(), null, null, null, Priority.P1,
                List.of("bug", "regression"), null, null, null, null, null, null, null, null), ALICE);
        tickets.comment(ticket, "Reproduit, correctif en cours.", ALICE);
        tickets.transition(ticket, new TransitionRequest(TicketState.REJECTED, "Doublon du #12", null), ALICE);
        assertThat(queuedFor(issuePath)).hasSize(3);

        dispatcher.dispatch();
        dispatcher.dispatch();
        List<GitHubStub.Recorded> patches = STUB.requests("PATCH", issuePath);
        List<GitHubStub.Recorded> comments = STUB.requests("POST", issuePath + "/comments");
        assertThat(patches).hasSize(2);
        assertThat(comments).hasSize(1);
        JsonNode edit = patches.get(0).json();
        assertThat(edit.get("labels").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("bug", "regression", "P1", "good first issue");
        assertThat(patches.get(1).json().get("state").asString()).isEqualTo("closed");
        assertThat(patches.get(1).json().get("state_reason").asString()).isEqualTo("not_planned");
        String sentComment = comments.get(0).json().get("body").asString();
        assertThat(sentComment).contains("Reproduit, correctif en cours.").contains("alice-dev")
                .containsPattern("<!-- maintenance-desk:comment:\\d+ -->");
        assertThat(patches.get(0).header("Authorization")).isEqualTo("Bearer ghp_outbox_test");
        assertThat(STUB.violations()).isEmpty();
        assertThat(queuedFor(issuePath)).allSatisfy(e -> assertThat(e.status()).isEqualTo("SENT"));

        // GitHub's webhooks about these changes come back: nothing new is applied, nothing goes out again.
        int version = tickets.get(ticket).version();
        int comments0 = tickets.comments(ticket).size();
        receive("issues", issueEvent("issues.edited", number, i -> {
            labels(i, "bug", "regression", "P1", "good first issue");
            i.put("updated_at", "2026-05-01T09:10:00Z").put("state", "closed").put("state_reason", "not_planned");
        }).put("action", "closed"));
        ObjectNode echo = issueEvent("issue_comment.created", number, i -> {
            labels(i, "bug", "regression", "P1", "good first issue");
            i.put("updated_at", "2026-05-01T09:11:00Z").put("state", "closed").put("state_reason", "not_planned");
        });
        ((ObjectNode) echo.get("comment")).put("id", number * 10 + 1).put("body", sentComment);
        String echoed = receive("issue_comment", echo);
        assertThat(deliveries.get(echoed).status()).isEqualTo(Delivery.Status.IGNORED);
        assertThat(tickets.get(ticket).version()).isEqualTo(version);
        assertThat(tickets.comments(ticket)).hasSize(comments0);
        assertThat(queuedFor(issuePath)).hasSize(3);
    }

    @Test
    void a_comment_whose_answer_was_lost_is_found_on_retry_and_not_posted_twice() {
        long number = freshIssue();
        String issuePath = "/repos/" + REPOSITORY + "/issues/" + number;
        receive("issues", issueEvent("issues.opened", number, i -> labels(i, "bug")));
        long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
        // The POST lands on GitHub but its answer is lost (502): the comment exists there.
        STUB.once("POST", issuePath + "/comments", new Reply(502, Map.of(), ""));
        STUB.on("GET", issuePath + "/comments", r -> Reply.json(200, STUB.requests("POST", issuePath + "/comments")
                .stream().map(p -> Map.of("id", 1, "body", p.json().get("body").asString())).toList()));
        tickets.comment(ticket, "Une seule fois, s’il vous plaît.", ALICE);
        dispatcher.dispatch();
        GitHubOutbox.Entry entry = queuedFor(issuePath).getFirst();
        assertThat(entry.status()).isEqualTo("PENDING");
        jdbc.sql("UPDATE github_outbox SET next_attempt_at = ? WHERE id = ?")
                .params(Instant.now().minusSeconds(1).atOffset(java.time.ZoneOffset.UTC), entry.id()).update();
        dispatcher.dispatch();
        assertThat(outbox.find(entry.id()).orElseThrow().status()).isEqualTo("SENT");
        assertThat(STUB.requests("POST", issuePath + "/comments")).hasSize(1);
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void a_rate_limited_call_waits_in_the_outbox_until_the_reset() {
        long number = freshIssue();
        String issuePath = "/repos/" + REPOSITORY + "/issues/" + number;
        receive("issues", issueEvent("issues.opened", number, i -> labels(i, "bug")));
        long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
        long reset = Instant.now().getEpochSecond() + 3600;
        STUB.once("PATCH", issuePath, new Reply(403, Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(reset), "Content-Type", "application/json"),
                "{\"message\":\"API rate limit exceeded\"}"));
        tickets.update(ticket, new TicketView.Changes(tickets.get(ticket).version(), "Nouveau titre", null, null, null,
                null, null, null, null, null, null, null, null, null), ALICE);
        dispatcher.dispatch();
        GitHubOutbox.Entry entry = queuedFor(issuePath).getFirst();
        assertThat(entry.status()).isEqualTo("PENDING");
        assertThat(entry.error()).contains("rate limited");
        Instant next = jdbc.sql("SELECT next_attempt_at FROM github_outbox WHERE id = ?").param(entry.id())
                .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(next).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        assertThat(STUB.requests("PATCH", issuePath)).hasSize(1);
    }

    private List<GitHubOutbox.Entry> queuedFor(String issuePath) {
        return outbox.all().stream().filter(e -> e.path().equals(issuePath) || e.path().startsWith(issuePath + "/"))
                .toList();
    }

    private String receive(String event, JsonNode payload) {
        String id = newId();
        deliveries.receive(id, event, GitHubPayloads.JSON.writeValueAsBytes(payload));
        worker.drain();
        return id;
    }
}
