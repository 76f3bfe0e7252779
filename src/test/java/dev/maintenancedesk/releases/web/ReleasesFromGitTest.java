package dev.maintenancedesk.releases.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.releases.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The releases page and API read the versions, their notes and the next release from a real git repository. */
@DeskTest
class ReleasesFromGitTest {

    @TempDir
    static Path dir;

    private static GitFixture repo;

    @DynamicPropertySource
    static void repository(DynamicPropertyRegistry registry) {
        registry.add("desk.releases.repository", () -> repo().dir().toString());
    }

    /** Two releases and a pending fix; every commit on 2026-01-05 (the fixture's clock). */
    private static synchronized GitFixture repo() {
        if (repo == null) {
            repo = GitFixture.init(dir);
            repo.commit("feat: first export of the tickets");
            repo.tag("v1.0.0");
            repo.commit("fix(export): empty lists export again");
            repo.commit("feat(board): drag cards between columns\n\nRefs #4242");
            repo.tag("v1.1.0", false);
            repo.commit("fix: the board keeps its filters");
        }
        return repo;
    }

    @AfterAll
    static void close() {
        if (repo != null) {
            repo.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void thePageListsTheVersionsNewestFirstWithTheirNotesAndTheNextVersion() {
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        Response page = browser.get("/releases");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String body = page.body();
        int newer = body.indexOf("id=\"release-1.1.0\"");
        int older = body.indexOf("id=\"release-1.0.0\"");
        assertThat(newer).as(body).isPositive();
        assertThat(older).isGreaterThan(newer);
        assertThat(body).contains("datetime=\"2026-01-05\"");
        String v110 = body.substring(newer, older);
        assertThat(v110).contains("<h3>Nouveautés</h3>").containsPattern(
                "<li><strong>board:</strong> drag cards between columns \\(#4242\\) \\([0-9a-f]{7}\\)</li>")
                .contains("<h3>Corrections</h3>").contains("<strong>export:</strong> empty lists export again");
        assertThat(body.substring(older)).contains("first export of the tickets");
        String next = body.substring(body.indexOf("next-release"), newer);
        assertThat(next).contains("v1.1.1").contains("PATCH");
        assertThat(body).doesNotContain("releases.versions");
    }

    @Test
    void theApiGivesTheSameDataAsJson() {
        Response r = DeskClient.admin(port).get("/api/v1/releases?lang=en");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("configured").asBoolean()).isTrue();
        assertThat(json.get("lang").asString()).isEqualTo("en");
        JsonNode releases = json.get("releases");
        assertThat(releases.size()).isEqualTo(2);
        assertThat(releases.get(0).get("version").asString()).isEqualTo("1.1.0");
        assertThat(releases.get(0).get("tag").asString()).isEqualTo("v1.1.0");
        assertThat(releases.get(0).get("date").asString()).isEqualTo("2026-01-05");
        assertThat(releases.get(0).get("notes").asString()).startsWith("### Features\n\n- **board:** drag cards between columns (#4242) (")
                .contains("### Bug fixes\n\n- **export:** empty lists export again (");
        assertThat(releases.get(1).get("version").asString()).isEqualTo("1.0.0");
        assertThat(releases.get(1).get("notes").asString()).contains("- first export of the tickets (");
        JsonNode next = json.get("next");
        assertThat(next.get("current").asString()).isEqualTo("v1.1.0");
        assertThat(next.get("next").asString()).isEqualTo("v1.1.1");
        assertThat(next.get("bump").asString()).isEqualTo("PATCH");
        assertThat(next.get("window").get("date").asString()).isNotBlank();
        assertThat(next.get("heldBack").size()).isZero();

        Response french = DeskClient.admin(port).get("/api/v1/releases?lang=fr");
        assertThat(french.json().get("releases").get(0).get("notes").asString()).startsWith("### Nouveautés\n\n");
        Response bad = DeskClient.admin(port).get("/api/v1/releases?lang=de");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }
}
