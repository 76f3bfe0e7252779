package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskApplication;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.tickets.Tickets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded H2 database `desk serve` starts on by default runs the GitHub tables and queries too. */
class GitHubOnH2Test {

    @TempDir Path dir;

    @Test
    void deliveries_issues_and_the_outbox_work_on_h2() {
        try (GitHubStub stub = new GitHubStub().withDefaults();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(DeskApplication.class)
                        .web(WebApplicationType.SERVLET).logStartupInfo(false)
                        .run("--server.port=-1", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("desk").toAbsolutePath()
                                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE",
                                "--spring.datasource.username=", "--spring.datasource.password=",
                                "--desk.scheduling.enabled=false", "--db-scheduler.enabled=false",
                                "--desk.github.worker.enabled=false", "--desk.github.outbox.enabled=false",
                                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                                "--DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD,
                                "--DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET, "--DESK_GITHUB_REPOSITORY=" + REPOSITORY,
                                "--DESK_GITHUB_TOKEN=ghp_h2", "--DESK_GITHUB_API_URL=" + stub.url())) {
            Deliveries deliveries = app.getBean(Deliveries.class);
            String id = GitHubPayloads.newId();
            byte[] body = GitHubPayloads.JSON.writeValueAsBytes(GitHubPayloads.issueEvent("issues.opened", 4242,
                    i -> GitHubPayloads.labels(i, "bug", "P1")));
            assertThat(deliveries.receive(id, "issues", body).stored()).isTrue();
            assertThat(deliveries.receive(id, "issues", body).stored()).isFalse();
            assertThat(app.getBean(DeliveryWorker.class).drain()).isEqualTo(1);
            assertThat(deliveries.get(id).status()).isEqualTo(Delivery.Status.DONE);
            long ticket = app.getBean(IssueMap.class).ticketOf(REPOSITORY, 4242).orElseThrow();
            app.getBean(Tickets.class).comment(ticket, "Vu sur H2.", OutboxTest.ALICE);
            app.getBean(OutboxDispatcher.class).dispatch();
            assertThat(stub.requests("POST", "/repos/" + REPOSITORY + "/issues/4242/comments")).hasSize(1);
            assertThat(stub.violations()).isEmpty();
        }
    }
}
