package dev.maintenancedesk.releases.web;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Release notes enriched from the tickets, the deprecation registry and the releases page, over HTTP. */
@DeskTest
class ReleasesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void notesCarryTheTitleAndReleaseNoteOfEachReferencedTicket() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Export fails on empty lists\"}").json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        Response patched = admin.patch(t, json("{\"version\":%s,\"releaseNote\":\"Empty lists export again\"}",
                admin.get(t).json().get("version").asInt()));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        long bare = admin.post("/api/v1/tickets", "{\"title\":\"No note yet\"}").json().get("number").asLong();

        Response r = admin.post("/api/v1/releases/notes", json("{\"version\":\"1.4.0\",\"lang\":\"en\",\"commits\":["
                + "{\"hash\":\"aaaaaaa1111111111111111111111111111111111\",\"message\":%s},"
                + "{\"hash\":\"bbbbbbb2222222222222222222222222222222222\",\"message\":%s},"
                + "{\"hash\":\"ccccccc3333333333333333333333333333333333\",\"message\":\"chore: deps\"}]}",
                "fix(export): empty lists (#77)\n\nCloses #" + n + "\nRefs: #999999999",
                "feat: tidy\n\nRefs #" + bare));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/markdown");
        assertThat(r.body()).startsWith("## 1.4.0 (")
                .contains("### Bug fixes\n\n- **export:** empty lists (#" + n + ", #999999999, PR #77) (aaaaaaa)\n")
                .contains("### Tickets\n\n- #" + n + " Export fails on empty lists — Empty lists export again\n- #" + bare
                        + " No note yet\n")
                .doesNotContain("- #999999999");

        Response french = admin.post("/api/v1/releases/notes",
                "{\"commits\":[{\"hash\":\"abcdef0\",\"message\":\"feat: un\"}]}");
        assertThat(french.body()).startsWith("## Non publié (").contains("### Nouveautés\n\n- un (abcdef0)");
    }

    @Test
    void badNotesRequestsNameTheField() {
        DeskClient admin = DeskClient.admin(port);
        assertField(admin.post("/api/v1/releases/notes", "{\"commits\":[]}"), "commits");
        assertField(admin.post("/api/v1/releases/notes", "{\"lang\":\"de\",\"commits\":[{\"hash\":\"abcdef0\",\"message\":\"fix: a\"}]}"), "lang");
        assertField(admin.post("/api/v1/releases/notes", "{\"version\":\"v1\",\"commits\":[{\"hash\":\"abcdef0\",\"message\":\"fix: a\"}]}"), "version");
        assertField(admin.post("/api/v1/releases/notes", "{\"commits\":[{\"hash\":\"xyz\",\"message\":\"fix: a\"}]}"), "commits[0].hash");
        assertField(admin.post("/api/v1/releases/notes", "{\"commits\":[{\"hash\":\"abcdef0\",\"message\":\"a\\u0000b\"}]}"), "commits[0].message");
        Response malformed = admin.post("/api/v1/releases/notes", "{\"commits\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void leadsRegisterDeprecationsWithTheirEarliestRemoval() {
        DeskClient admin = DeskClient.admin(port);
        String key = "api.v1.legacy-export-" + System.nanoTime();
        DeskClient developer = DeskClient.newUser(port, "dev" + System.nanoTime() % 100000, "DEVELOPER");
        Response refused = developer.post("/api/v1/deprecations",
                json("{\"key\":%s,\"description\":\"CSV export\",\"announcedIn\":\"1.4.0\"}", key));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Response created = admin.post("/api/v1/deprecations",
                json("{\"key\":%s,\"description\":\"CSV export, use the JSON one\",\"announcedIn\":\"1.4.0\"}", key));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("earliestRemoval").asString()).isEqualTo("1.7.0");
        LocalDate date = LocalDate.parse(created.json().get("earliestRemovalDate").asString());
        assertThat(date).isAfter(LocalDate.now().plusMonths(2));
        assertThat(created.json().get("announcedBy").asString()).isEqualTo("admin");

        Response listed = developer.get("/api/v1/deprecations");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"key\":\"" + key + "\"", "\"announcedIn\":\"1.4.0\"");

        assertThat(admin.post("/api/v1/deprecations",
                json("{\"key\":%s,\"description\":\"again\",\"announcedIn\":\"1.5.0\"}", key)).status()).isEqualTo(409);
        assertField(admin.post("/api/v1/deprecations", "{\"description\":\"d\",\"announcedIn\":\"1.4.0\"}"), "key");
        assertField(admin.post("/api/v1/deprecations", "{\"key\":\"two words\",\"description\":\"d\",\"announcedIn\":\"1.4.0\"}"), "key");
        assertField(admin.post("/api/v1/deprecations", "{\"key\":\"k1\",\"description\":\" \",\"announcedIn\":\"1.4.0\"}"), "description");
        assertField(admin.post("/api/v1/deprecations", "{\"key\":\"k1\",\"description\":\"d\",\"announcedIn\":\"1.4\"}"), "announcedIn");
    }

    @Test
    void thirtyParallelRegistrationsOfOneKeyGiveOneRowAndOnly201Or409() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        String key = "api.v1.race-" + System.nanoTime();
        String body = json("{\"key\":%s,\"description\":\"Raced\",\"announcedIn\":\"1.4.0\"}", key);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (int i = 0; i < 30; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return admin.post("/api/v1/deprecations", body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.json().get("type").asString()).isEqualTo("/problems/deprecation-exists");
                    assertThat(r.json().get("field").asString()).isEqualTo("key");
                }
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deprecations WHERE deprecation_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDescriptionWithANulCharacterIsRefusedNamingTheField() {
        Response r = DeskClient.admin(port).post("/api/v1/deprecations",
                json("{\"key\":%s,\"description\":\"a\\u0000b\",\"announcedIn\":\"1.4.0\"}", "nul-" + System.nanoTime()));
        assertField(r, "description");
        assertThat(r.body()).doesNotContain("Exception", "org.");
    }

    @Test
    void releasesPageListsWindowsAndDeprecations() {
        DeskClient admin = DeskClient.admin(port);
        String key = "ui.old-board-" + System.nanoTime();
        admin.post("/api/v1/deprecations", json("{\"key\":%s,\"description\":\"Old board\",\"announcedIn\":\"2.1.0\"}", key));
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        Response fr = browser.get("/releases");
        assertThat(fr.status()).isEqualTo(200);
        assertThat(fr.contentType()).startsWith("text/html");
        assertThat(fr.body()).contains("<h1>Releases</h1>", "Prochaines fenêtres", "Fenêtre MINOR", key, "2.4.0")
                .contains("aria-current=\"page\"").doesNotContain("style=", "<script>");
        Response en = browser.get("/releases?lang=en");
        assertThat(en.body()).contains("Next windows", "MAJOR (breaking changes)", "Deprecations", key);
    }

    private static void assertField(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo(field);
    }

    @Test
    void withoutARepositoryThePageSaysHowToConfigureOneAndTheApiHasNoRelease() {
        Response page = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD).get("/releases");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Aucun dépôt git n’est configuré").contains("DESK_RELEASES_REPOSITORY")
                .doesNotContain("next-release");
        Response api = DeskClient.admin(port).get("/api/v1/releases");
        assertThat(api.status()).as(api.toString()).isEqualTo(200);
        assertThat(api.json().get("configured").asBoolean()).isFalse();
        assertThat(api.json().get("releases").size()).isZero();
        assertThat(api.json().get("next").isNull()).isTrue();
    }
}
