package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static dev.maintenancedesk.github.GitHubPayloads.freshIssue;
import static dev.maintenancedesk.github.GitHubPayloads.issueEvent;
import static dev.maintenancedesk.github.GitHubPayloads.labels;
import static dev.maintenancedesk.github.GitHubPayloads.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.github.GitHubStub.Reply;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Pull requests (the real {@code pull_request} payloads) drive the gates and the {@code maintenance-desk/plan} status. */
class PullRequestGateTest extends GitHubApiContext {

    @Autowired Deliveries deliveries;
    @Autowired DeliveryWorker worker;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired IssueMap issues;
    @Autowired Tickets tickets;

    @Test
    void a_pull_request_without_tests_gets_a_failure_naming_them_and_a_compliant_one_a_success() {
        long issue = freshIssue();
        long ticket = openIssue(issue, "bug", "P2");
        long pr = freshIssue();
        String sha1 = sha(pr, 1);
        files(pr, "src/main/java/dev/example/Contact.java");
        receive(pullRequest("opened", pr, sha1, "fix(contact): corrige l’envoi du formulaire", "Fixes #" + issue));
        JsonNode failure = status(sha1);
        assertThat(failure.get("state").asString()).isEqualTo("failure");
        assertThat(failure.get("context").asString()).isEqualTo("maintenance-desk/plan");
        assertThat(failure.get("description").asString()).isEqualTo("Manque : tests");
        assertThat(failure.get("target_url").asString()).isEqualTo("https://desk.example.test/tickets/" + ticket);
        TicketView linked = tickets.get(ticket);
        assertThat(linked.links()).contains(new TicketLink(LinkKind.PULL_REQUEST, "#" + pr, false));
        assertThat(linked.releaseNote()).isEqualTo("Corrige l’envoi du formulaire");
        assertThat(linked.testEvidence()).isNull();

        // New commits add a test: re-evaluated on synchronize, on the new head.
        String sha2 = sha(pr, 2);
        files(pr, "src/main/java/dev/example/Contact.java", "src/test/java/dev/example/ContactTest.java");
        receive(pullRequest("synchronize", pr, sha2, "fix(contact): corrige l’envoi du formulaire", "Fixes #" + issue));
        JsonNode success = status(sha2);
        assertThat(success.get("state").asString()).isEqualTo("success");
        assertThat(success.get("description").asString()).isEqualTo("Conforme au plan (ticket #" + ticket + ")");
        assertThat(tickets.get(ticket).testEvidence()).contains("ContactTest.java").startsWith("PR #" + pr);

        // The CI run on that head joins the evidence.
        ObjectNode suite = GitHubPayloads.example("check_suite.completed");
        ((ObjectNode) suite.get("check_suite")).put("head_sha", sha2).put("conclusion", "success");
        receive("check_suite", suite);
        assertThat(tickets.get(ticket).testEvidence()).contains("ContactTest.java").endsWith("CI : success");
        ((ObjectNode) suite.get("check_suite")).put("conclusion", "failure");
        receive("check_suite", suite);
        assertThat(tickets.get(ticket).testEvidence()).endsWith("CI : failure").doesNotContain("success");
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void every_missing_gate_is_listed_within_githubs_140_characters() {
        long pr = freshIssue();
        String sha = sha(pr, 1);
        files(pr, "api/openapi.yaml", "src/main/java/dev/example/Api.java");
        receive(pullRequest("opened", pr, sha, "Update the README with new information.", "No link here."));
        JsonNode failure = status(sha);
        String description = failure.get("description").asString();
        assertThat(failure.get("state").asString()).isEqualTo("failure");
        assertThat(description).startsWith("Manque : titre Conventional, ticket lié (Fixes #N), tests, docs, CHANGELOG.md");
        assertThat(description.length()).isLessThanOrEqualTo(140);
        assertThat(failure.get("target_url").asString()).isEqualTo("https://desk.example.test/tickets");
    }

    @Test
    void a_documentation_ticket_needs_no_tests_and_an_api_change_needs_docs_and_changelog() {
        long issue = freshIssue();
        long ticket = openIssue(issue, "documentation", "P4");
        long pr = freshIssue();
        String sha = sha(pr, 1);
        files(pr, "api/openapi.yaml", "docs/api.md", "CHANGELOG.md");
        commits(pr, "docs(api): décrit le champ due\n\nRefs #" + issue);
        receive(pullRequest("opened", pr, sha, "docs(api): décrit le champ due", "Mise à jour de la documentation."));
        JsonNode success = status(sha);
        assertThat(success.get("state").asString()).isEqualTo("success");
        TicketView t = tickets.get(ticket);
        assertThat(t.apiImpact()).isTrue();
        assertThat(t.docsUpdated()).isTrue();
        assertThat(t.changelogUpdated()).isTrue();
    }

    @Test
    void the_merge_sets_pull_request_merged_by_itself() {
        long issue = freshIssue();
        long ticket = openIssue(issue, "bug", "P3");
        long pr = freshIssue();
        String sha = sha(pr, 1);
        files(pr, "src/test/java/dev/example/FixTest.java");
        receive(pullRequest("opened", pr, sha, "fix: corrige", "Closes #" + issue));
        ObjectNode closed = pullRequest("closed", pr, sha, "fix: corrige", "Closes #" + issue);
        ((ObjectNode) closed.get("pull_request")).put("merged", true).put("state", "closed")
                .put("updated_at", "2030-01-01T00:00:00Z");
        receive(closed);
        assertThat(tickets.get(ticket).links()).contains(new TicketLink(LinkKind.PULL_REQUEST, "#" + pr, true));
        assertThat(STUB.requests("POST", "/repos/" + REPOSITORY + "/statuses/" + sha)).hasSize(1);

        // Editing the merged pull request's description later keeps "PR merged".
        ObjectNode edited = pullRequest("edited", pr, sha, "fix: corrige", "Closes #" + issue + " (notes)");
        ((ObjectNode) edited.get("pull_request")).put("merged", true).put("state", "closed")
                .put("updated_at", "2030-01-02T00:00:00Z");
        receive(edited);
        assertThat(tickets.get(ticket).links()).contains(new TicketLink(LinkKind.PULL_REQUEST, "#" + pr, true));
    }

    private long openIssue(long number, String... labelNames) {
        String id = newId();
        deliveries.receive(id, "issues", GitHubPayloads.JSON.writeValueAsBytes(
                issueEvent("issues.opened", number, i -> labels(i, labelNames))));
        worker.drain();
        return issues.ticketOf(REPOSITORY, number).orElseThrow();
    }

    private static ObjectNode pullRequest(String action, long number, String sha, String title, String body) {
        ObjectNode payload = GitHubPayloads.example("pull_request." + (action.equals("closed") ? "closed" : "opened"));
        payload.put("action", action).put("number", number);
        ObjectNode pr = (ObjectNode) payload.get("pull_request");
        pr.put("number", number).put("title", title).put("body", body)
                .put("updated_at", action.equals("opened") ? "2026-06-01T09:00:00Z" : "2026-06-01T10:00:00Z");
        ((ObjectNode) pr.get("head")).put("sha", sha);
        return payload;
    }

    private void receive(JsonNode payload) {
        receive("pull_request", payload);
    }

    private void receive(String event, JsonNode payload) {
        String id = newId();
        deliveries.receive(id, event, GitHubPayloads.JSON.writeValueAsBytes(payload));
        worker.drain();
        assertThat(deliveries.get(id).status()).as(deliveries.get(id).toString()).isEqualTo(Delivery.Status.DONE);
        dispatcher.dispatch();
    }

    private static void files(long pr, String... names) {
        STUB.on("GET", "/repos/" + REPOSITORY + "/pulls/" + pr + "/files", r -> Reply.json(200,
                java.util.Arrays.stream(names).map(n -> Map.of("filename", n, "status", "modified")).toList()));
    }

    private static void commits(long pr, String... messages) {
        STUB.on("GET", "/repos/" + REPOSITORY + "/pulls/" + pr + "/commits", r -> Reply.json(200,
                java.util.Arrays.stream(messages).map(m -> Map.of("sha", "0".repeat(40), "commit", Map.of("message", m)))
                        .toList()));
    }

    private static JsonNode status(String sha) {
        List<GitHubStub.Recorded> posted = STUB.requests("POST", "/repos/" + REPOSITORY + "/statuses/" + sha);
        assertThat(posted).hasSize(1);
        return posted.getFirst().json();
    }

    private static String sha(long pr, int n) {
        return String.format("%038x%02x", pr, n);
    }
}
