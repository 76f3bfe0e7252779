package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static dev.maintenancedesk.github.GitHubPayloads.freshIssue;
import static dev.maintenancedesk.github.GitHubPayloads.issueEvent;
import static dev.maintenancedesk.github.GitHubPayloads.labels;
import static dev.maintenancedesk.github.GitHubPayloads.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues → tickets, with the worker driven by the test (no background thread, no sweep), so that
 * concurrency and order are the test's to choose.
 */
@DeskTest
@TestPropertySource(properties = {"DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET,
        "DESK_GITHUB_REPOSITORY=" + REPOSITORY, "desk.github.worker.enabled=false", "db-scheduler.enabled=false"})
class IssueSyncTest {

    @LocalServerPort int port;
    @Autowired Deliveries deliveries;
    @Autowired DeliveryWorker worker;
    @Autowired IssueMap issues;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    @Test
    void two_deliveries_about_one_new_issue_applied_at_once_open_one_ticket() throws Exception {
        for (int round = 0; round < 5; round++) {
            long number = freshIssue();
            String title = "Concurrence " + number;
            String opened = store("issues", issueEvent("issues.opened", number, i -> labels(i, "bug").put("title", title)));
            String labeled = store("issues", issueEvent("issues.labeled", number, i -> labels(i, "bug", "P1")
                    .put("title", title)));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> done = List.of(
                        pool.submit(() -> { start.await(10, TimeUnit.SECONDS); return worker.process(opened); }),
                        pool.submit(() -> { start.await(10, TimeUnit.SECONDS); return worker.process(labeled); }));
                for (Future<Boolean> f : done) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(deliveries.get(opened).status()).isIn(Delivery.Status.DONE, Delivery.Status.IGNORED);
            assertThat(deliveries.get(labeled).status()).isIn(Delivery.Status.DONE, Delivery.Status.IGNORED);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM github_issues WHERE repository = ? AND issue_number = ?")
                    .params(REPOSITORY, number).query(Long.class).single()).isEqualTo(1);
            long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
            assertThat(tickets.get(ticket).title()).isEqualTo(title);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE title = ?").param(title).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void events_arriving_out_of_order_converge_to_the_latest_state_of_the_issue() {
        long number = freshIssue();
        String edited = store("issues", issueEvent("issues.edited", number, i -> labels(i, "feature", "P3")
                .put("title", "Titre corrigé").put("updated_at", "2026-03-02T10:00:00Z")));
        String opened = store("issues", issueEvent("issues.opened", number, i -> labels(i, "bug")
                .put("title", "Titre initial").put("updated_at", "2026-03-02T09:00:00Z")));
        worker.drain();
        TicketView ticket = tickets.get(issues.ticketOf(REPOSITORY, number).orElseThrow());
        assertThat(ticket.title()).isEqualTo("Titre corrigé");
        assertThat(ticket.type()).isEqualTo(TicketType.EVOLUTIVE);
        assertThat(ticket.priority()).isEqualTo(Priority.P3);
        assertThat(deliveries.get(edited).status()).isEqualTo(Delivery.Status.DONE);
        assertThat(deliveries.get(opened).status()).isEqualTo(Delivery.Status.IGNORED);
        assertThat(deliveries.get(opened).error()).contains("older");

        // The same events in the natural order reach the same state.
        long other = freshIssue();
        store("issues", issueEvent("issues.opened", other, i -> labels(i, "bug")
                .put("title", "Titre initial").put("updated_at", "2026-03-02T09:00:00Z")));
        store("issues", issueEvent("issues.edited", other, i -> labels(i, "feature", "P3")
                .put("title", "Titre corrigé").put("updated_at", "2026-03-02T10:00:00Z")));
        worker.drain();
        TicketView same = tickets.get(issues.ticketOf(REPOSITORY, other).orElseThrow());
        assertThat(List.of(same.title(), same.type(), same.priority(), same.labels()))
                .isEqualTo(List.of(ticket.title(), ticket.type(), ticket.priority(), ticket.labels()));
    }

    @Test
    void labels_assignees_comments_and_closing_follow_the_issue() {
        DeskClient.newUser(port, "octodev", "DEVELOPER");
        long number = freshIssue();
        store("issues", issueEvent("issues.opened", number, i -> labels(i, "bug", "P2", "good first issue")
                .put("updated_at", "2026-04-01T09:00:00Z")));
        worker.drain();
        long ticket = issues.ticketOf(REPOSITORY, number).orElseThrow();
        assertThat(tickets.get(ticket).labels()).containsExactly("bug");
        assertThat(tickets.get(ticket).priority()).isEqualTo(Priority.P2);

        store("issues", issueEvent("issues.assigned", number, i -> {
            labels(i, "bug", "P2");
            i.put("updated_at", "2026-04-01T09:05:00Z");
            i.putArray("assignees").addObject().put("login", "octodev");
        }));
        worker.drain();
        assertThat(tickets.get(ticket).assignee()).isEqualTo("octodev");

        store("issues", issueEvent("issues.unassigned", number, i -> {
            labels(i, "bug", "P1");
            i.put("updated_at", "2026-04-01T09:06:00Z");
            i.putArray("assignees");
            i.putNull("assignee");
        }));
        worker.drain();
        assertThat(tickets.get(ticket).assignee()).isNull();
        assertThat(tickets.get(ticket).priority()).isEqualTo(Priority.P1);

        ObjectNode comment = issueEvent("issue_comment.created", number, i -> {
            labels(i, "bug", "P1");
            i.put("updated_at", "2026-04-01T09:07:00Z");
        });
        ((ObjectNode) comment.get("comment")).put("id", number * 10).put("body", "Reproduit sur la 2.3.");
        String commented = store("issue_comment", comment);
        worker.drain();
        assertThat(tickets.comments(ticket)).extracting(c -> c.body())
                .anySatisfy(b -> assertThat(b).contains("Reproduit sur la 2.3.").contains("@Codertocat"));
        // Replaying the delivery (the admin page's button) copies no second comment.
        deliveries.replay(commented);
        worker.drain();
        assertThat(deliveries.get(commented).status()).isEqualTo(Delivery.Status.DONE);
        assertThat(tickets.comments(ticket)).filteredOn(c -> c.body().contains("Reproduit")).hasSize(1);

        store("issues", issueEvent("issues.edited", number, i -> {
            labels(i, "bug", "P1");
            i.put("updated_at", "2026-04-01T10:00:00Z").put("state", "closed").put("state_reason", "not_planned");
        }).put("action", "closed"));
        worker.drain();
        assertThat(tickets.get(ticket).state()).isEqualTo(TicketState.REJECTED);

        store("issues", issueEvent("issues.reopened", number, i -> {
            labels(i, "bug", "P1");
            i.put("updated_at", "2026-04-01T11:00:00Z").put("state", "open").putNull("state_reason");
        }));
        worker.drain();
        assertThat(tickets.get(ticket).state()).isEqualTo(TicketState.TRIAGED);
    }

    @Test
    void a_delivery_about_another_repository_is_stored_and_ignored() {
        long number = freshIssue();
        ObjectNode payload = issueEvent("issues.opened", number, i -> { });
        ((ObjectNode) payload.get("repository")).put("full_name", "someone/else");
        String id = store("issues", payload);
        worker.drain();
        assertThat(deliveries.get(id).status()).isEqualTo(Delivery.Status.IGNORED);
        assertThat(issues.ticketOf("someone/else", number)).isEmpty();
    }

    private String store(String event, JsonNode payload) {
        String id = newId();
        assertThat(deliveries.receive(id, event, GitHubPayloads.JSON.writeValueAsBytes(payload)).stored()).isTrue();
        return id;
    }
}
