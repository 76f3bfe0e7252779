package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static dev.maintenancedesk.github.GitHubPayloads.freshIssue;
import static dev.maintenancedesk.github.GitHubPayloads.issueEvent;
import static dev.maintenancedesk.github.GitHubPayloads.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskApplication;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A crash between the commit of a change and the sending of its GitHub call: the first application
 * commits the change (its outbox row) and stops before sending; a second application on the same
 * database sends the call, exactly once.
 */
class OutboxCrashTest {

    @Test
    void a_call_committed_but_not_sent_is_sent_exactly_once_after_a_restart() throws Exception {
        String database = TestDatabase.own("_ghcrash");
        try (GitHubStub stub = new GitHubStub().withDefaults()) {
            long number = freshIssue();
            String comments = "/repos/" + REPOSITORY + "/issues/" + number + "/comments";
            try (ConfigurableApplicationContext first = start(database, stub, false)) {
                first.getBean(Deliveries.class).receive(GitHubPayloads.newId(), "issues", GitHubPayloads.JSON
                        .writeValueAsBytes(issueEvent("issues.opened", number, i -> labels(i, "bug"))));
                first.getBean(DeliveryWorker.class).drain();
                long ticket = first.getBean(IssueMap.class).ticketOf(REPOSITORY, number).orElseThrow();
                first.getBean(Tickets.class).comment(ticket, "Envoyé après le redémarrage.", OutboxTest.ALICE);
                assertThat(first.getBean(GitHubOutbox.class).all()).extracting(GitHubOutbox.Entry::status)
                        .containsExactly("PENDING");
            }
            assertThat(stub.requests()).isEmpty();

            try (ConfigurableApplicationContext second = start(database, stub, true)) {
                GitHubOutbox outbox = second.getBean(GitHubOutbox.class);
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (!outbox.all().getFirst().status().equals("SENT") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertThat(outbox.all()).extracting(GitHubOutbox.Entry::status).containsExactly("SENT");
                second.getBean(OutboxDispatcher.class).dispatch();
                List<GitHubStub.Recorded> posted = stub.requests("POST", comments);
                assertThat(posted).hasSize(1);
                assertThat(posted.getFirst().json().get("body").asString()).contains("Envoyé après le redémarrage.");
                assertThat(stub.violations()).isEmpty();
            }
        }
    }

    private static ConfigurableApplicationContext start(String database, GitHubStub stub, boolean send) {
        return new SpringApplicationBuilder(DeskApplication.class).web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run("--server.port=-1", "--spring.datasource.url=" + database, "--spring.datasource.username=",
                        "--spring.datasource.password=", "--desk.scheduling.enabled=false", "--db-scheduler.enabled=false",
                        "--desk.github.worker.enabled=false", "--desk.github.outbox.enabled=" + send,
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                        "--DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD, "--DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET,
                        "--DESK_GITHUB_REPOSITORY=" + REPOSITORY, "--DESK_GITHUB_TOKEN=ghp_crash_test",
                        "--DESK_GITHUB_API_URL=" + stub.url());
    }
}
