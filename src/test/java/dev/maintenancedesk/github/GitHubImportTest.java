package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.cli.Desk;
import dev.maintenancedesk.github.GitHubStub.Reply;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.releases.GitFixture;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing existing issues (gh's JSON, the REST API), and the CLI commands of the GitHub integration. */
class GitHubImportTest extends GitHubApiContext {

    @TempDir Path dir;
    @Autowired GitHubImport imports;
    @Autowired IssueMap issues;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired dev.maintenancedesk.sla.Sla sla;

    @AfterEach
    void forget() {
        for (String p : List.of("DESK_DATABASE_URL", "DESK_GITHUB_API_URL", "DESK_GITHUB_REPOSITORY", "DESK_GITHUB_TOKEN")) {
            System.clearProperty(p);
        }
    }

    @Test
    void gh_issue_list_json_is_imported_with_its_dates_and_importing_again_changes_nothing() throws Exception {
        long a = GitHubPayloads.freshIssue();
        long b = GitHubPayloads.freshIssue();
        Path file = dir.resolve("issues.json");
        Files.writeString(file, """
                [{"number": %d, "title": "Le paiement échoue", "body": "Depuis la 2.3", "state": "CLOSED",
                  "createdAt": "2025-01-06T09:00:00Z", "closedAt": "2025-01-06T11:30:00Z",
                  "labels": [{"id": "LA_1", "name": "bug", "description": "", "color": "d73a4a"}, {"name": "P1"}],
                  "author": {"login": "octocat", "name": "Mona"}, "assignees": [],
                  "url": "https://github.com/%s/issues/%d"},
                 {"number": %d, "title": "Export CSV", "body": "", "state": "OPEN",
                  "createdAt": "2025-02-03T10:00:00Z", "closedAt": null,
                  "labels": [{"name": "feature"}, {"name": "good first issue"}],
                  "author": {"login": "hubot"}, "assignees": [{"login": "nobody-here"}],
                  "url": "https://github.com/%s/issues/%d"}]
                """.formatted(a, REPOSITORY, a, b, REPOSITORY, b));
        GitHubImport.Summary first = imports.importFile(file, (done, total) -> { });
        assertThat(first).isEqualTo(new GitHubImport.Summary(2, 2, 0, 0, 0));
        TicketView closed = tickets.get(issues.ticketOf(REPOSITORY, a).orElseThrow());
        assertThat(closed.createdAt().toInstant()).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
        assertThat(closed.state()).isEqualTo(TicketState.CLOSED);
        assertThat(closed.priority()).isEqualTo(Priority.P1);
        assertThat(closed.type()).isEqualTo(TicketType.CORRECTIVE);
        List<HistoryEntry> history = tickets.history(closed.number());
        assertThat(history.getFirst().at().toInstant()).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
        assertThat(history.getLast().at().toInstant()).isEqualTo(Instant.parse("2025-01-06T11:30:00Z"));
        // The SLA clocks run from the imported dates: opened Monday 10:00 Paris, closed 12:30 (P1: 3 business hours).
        var clocks = sla.of(closed.number());
        assertThat(clocks.resolution().startedAt().toInstant()).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
        assertThat(clocks.resolution().stoppedAt().toInstant()).isEqualTo(Instant.parse("2025-01-06T11:30:00Z"));
        assertThat(clocks.resolution().state()).isEqualTo(dev.maintenancedesk.sla.ClockState.MET);
        TicketView open = tickets.get(issues.ticketOf(REPOSITORY, b).orElseThrow());
        assertThat(open.state()).isEqualTo(TicketState.NEW);
        assertThat(open.type()).isEqualTo(TicketType.EVOLUTIVE);
        assertThat(open.labels()).containsExactly("feature");

        long count = jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single();
        GitHubImport.Summary again = imports.importFile(file, (done, total) -> { });
        assertThat(again).isEqualTo(new GitHubImport.Summary(2, 0, 0, 2, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single()).isEqualTo(count);
        assertThat(tickets.get(closed.number()).version()).isEqualTo(closed.version());
    }

    @Test
    void a_file_that_is_not_gh_json_is_refused_naming_the_item() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[{\"number\": \"x\", \"title\": \"t\", \"state\": \"OPEN\", \"createdAt\": \"hier\"}]");
        assertThatThrownBy(() -> imports.importFile(file, (d, t) -> { })).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(x -> x.field()).containsExactly("[0].number", "[0].createdAt"));
    }

    @Test
    void a_repository_is_imported_page_by_page_through_the_rest_api_and_again_idempotently() {
        String repo = "octokit-fixture-org/paginate-issues";
        for (int page = 1; page <= 5; page++) {
            var recorded = GitHubStub.fixture("paginate-issues", page - 1);
            String link = recorded.path("headers").path("link").asString("")
                    .replace("https://api.github.com/repositories/1000/issues?", STUB.url() + "/repos/" + repo + "/issues?state=all&");
            int p = page;
            STUB.on("GET", "/repos/" + repo + "/issues", r -> page(r.query()) == p
                    ? new Reply(200, link.isEmpty() ? Map.of("Content-Type", "application/json")
                            : Map.of("Content-Type", "application/json", "Link", link), recorded.get("response").toString())
                    : null);
        }
        List<Integer> progress = new java.util.ArrayList<>();
        GitHubImport.Summary first = imports.importRepository(repo, (done, total) -> progress.add(done));
        assertThat(first.read()).isEqualTo(13);
        assertThat(first.opened() + first.unchanged()).isEqualTo(13);
        assertThat(progress).contains(13);
        assertThat(issues.ticketOf(repo, 13)).isPresent();
        assertThat(tickets.get(issues.ticketOf(repo, 13).orElseThrow()).createdAt().toInstant())
                .isEqualTo(Instant.parse("2017-10-10T16:00:00Z"));
        GitHubImport.Summary again = imports.importRepository(repo, (done, total) -> { });
        assertThat(again).isEqualTo(new GitHubImport.Summary(13, 0, 0, 13, 0));
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void the_cli_imports_a_file_and_publishes_a_release() throws Exception {
        System.setProperty("DESK_DATABASE_URL", TestDatabase.url());
        System.setProperty("DESK_GITHUB_API_URL", STUB.url());
        System.setProperty("DESK_GITHUB_REPOSITORY", REPOSITORY);
        System.setProperty("DESK_GITHUB_TOKEN", "ghp_cli_test");
        long n = GitHubPayloads.freshIssue();
        Path file = dir.resolve("one.json");
        Files.writeString(file, "[{\"number\": " + n + ", \"title\": \"Depuis la CLI\", \"state\": \"OPEN\","
                + " \"createdAt\": \"2025-03-03T08:00:00Z\", \"labels\": [], \"assignees\": [],"
                + " \"author\": {\"login\": \"octocat\"}, \"url\": \"https://github.com/" + REPOSITORY + "/issues/" + n + "\"}]");
        String[] out = run("import", "github-issues", file.toString());
        assertThat(out[0]).isEqualTo("0");
        assertThat(out[1]).isEqualTo("1 issues read: 1 tickets opened, 0 updated, 0 unchanged.\n");
        assertThat(run("import", "github-issues", dir.resolve("missing.json").toString())[0]).isEqualTo("2");

        Path repo = dir.resolve("repo");
        try (GitFixture git = GitFixture.init(repo)) {
            git.commit("feat: premier pas");
            git.commit("fix: corrige le calcul des échéances");
            git.tag("v9.0.0");
        }
        String[] published = run("release", "publish", "--repo", repo.toString(), "--tag", "v9.0.0");
        assertThat(published[0]).as(published[2]).isEqualTo("0");
        assertThat(published[1]).isEqualTo("Release v9.0.0 published on GitHub.\n");
        var body = STUB.requests("POST", "/repos/" + REPOSITORY + "/releases").stream().map(GitHubStub.Recorded::json)
                .filter(j -> j.get("tag_name").asString().equals("v9.0.0")).findFirst().orElseThrow();
        assertThat(body.get("body").asString()).contains("## 9.0.0").contains("Corrections")
                .contains("corrige le calcul des échéances");
        assertThat(run("release", "publish", "--repo", repo.toString(), "--tag", "latest")[0]).isEqualTo("2");
        assertThat(STUB.violations()).isEmpty();
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Desk.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static int page(String query) {
        var m = java.util.regex.Pattern.compile("(?:^|&)page=(\\d+)").matcher(query == null ? "" : query);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
