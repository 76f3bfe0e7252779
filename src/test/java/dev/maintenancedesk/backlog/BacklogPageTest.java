package dev.maintenancedesk.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The review page over real HTTP, without script (plain form posts): the lead's forms and their inline
 * refusals in French, with the typed values kept and nothing written; a developer reads it without forms.
 * On a database of its own: a dependency cycle another test left among shared tickets would reorder the page.
 */
@DeskTest
@ContextConfiguration(initializers = BacklogPageTest.OwnDatabase.class)
@DirtiesContext
class BacklogPageTest {

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("backlogpage");
        }
    }

    @LocalServerPort
    int port;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Person(String name, DeskClient api, DeskClient browser) {}

    private Person person(String role) {
        String name = role.toLowerCase() + "-" + System.nanoTime();
        DeskClient api = DeskClient.newUser(port, name, role);
        return new Person(name, api, DeskClient.browserLogin(port, name, "pw-" + name + "-0123456789"));
    }

    private long open(DeskClient api, String title, String type) {
        Response created = api.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"type\":%s}", title, type));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("number").asLong();
    }

    private static String row(String page, long number) {
        int start = page.indexOf("id=\"ticket-" + number + "\"");
        assertThat(start).as("row of #" + number).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void aLeadScoresDecidesAndWritesTheMinutesWithInlineRefusals() {
        Person lead = person("LEAD");
        Person dev = person("DEVELOPER");
        long a = open(lead.api(), "Page : exporter en PDF", "EVOLUTIVE");
        long b = open(lead.api(), "Page : purger les journaux", "PREVENTIVE");
        DeskClient page = lead.browser();

        Response first = page.get("/backlog");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Revue du backlog", "href=\"/backlog\"", "aria-current=\"page\"",
                "Page : exporter en PDF", "Dette technique", "Télécharger le compte rendu (Markdown)", "minutes-form");
        assertThat(row(first.body(), a)).contains("non noté", "score-form");

        // a score outside 1–5 (a crafted post) is refused inline, in French, and nothing is written
        Response bad = page.form("/backlog/tickets/" + a + "/score", "userValue=9&technicalRisk=2&_csrf="
                + enc(page.csrfFrom("/backlog")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(row(bad.body(), a)).contains("une note va de 1 à 5", "aria-invalid=\"true\"");
        assertThat(row(page.get("/backlog").body(), a)).contains("non noté");

        Response ok = page.form("/backlog/tickets/" + a + "/score", "userValue=4&technicalRisk=5&_csrf="
                + enc(page.csrfFrom("/backlog")));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/backlog#ticket-" + a);
        String scored = page.get("/backlog").body();
        assertThat(scored).contains("Score du ticket n° " + a + " enregistré.");
        assertThat(row(scored, a)).contains("score 20", ">20</td>");

        // a dependency on oneself: the tickets module's rule, shown beside the field
        Response self = page.form("/backlog/dependencies", "blocker=" + b + "&blocks=%23" + b + "&_csrf="
                + enc(page.csrfFrom("/backlog")));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("un ticket ne peut pas être lié à lui-même", "value=\"#" + b + "\"");
        Response dep = page.form("/backlog/dependencies", "blocker=" + b + "&blocks=" + a + "&_csrf="
                + enc(page.csrfFrom("/backlog")));
        assertThat(dep.status()).isEqualTo(302);
        String linked = page.get("/backlog").body();
        assertThat(linked).contains("Le ticket n° " + b + " bloque désormais le n° " + a + ".");
        assertThat(row(linked, b)).contains("bloque #" + a);
        assertThat(row(linked, a)).contains("bloqué par #" + b);
        assertThat(linked.indexOf("id=\"ticket-" + b + "\"")).isLessThan(linked.indexOf("id=\"ticket-" + a + "\""));

        // planning needs a release: refused inline, the choice kept
        Response noRelease = page.form("/backlog/tickets/" + a + "/decision", "decision=PLAN&release=&_csrf="
                + enc(page.csrfFrom("/backlog")));
        assertThat(noRelease.status()).isEqualTo(400);
        assertThat(row(noRelease.body(), a)).contains("nommez la release prévue", "value=\"PLAN\" selected");
        assertThat(page.form("/backlog/tickets/" + a + "/decision", "decision=PLAN&release=2.1.0&_csrf="
                + enc(page.csrfFrom("/backlog"))).status()).isEqualTo(302);
        assertThat(row(page.get("/backlog").body(), a)).contains("Planifié pour 2.1.0");

        String today = java.time.LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        Response nobody = page.form("/backlog/minutes", "heldOn=" + today + "&_csrf=" + enc(page.csrfFrom("/backlog")));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body()).contains("ce champ est obligatoire");
        Response minutes = page.form("/backlog/minutes", "heldOn=" + today + "&attendees=" + lead.name()
                + "&attendees=" + dev.name() + "&_csrf=" + enc(page.csrfFrom("/backlog")));
        assertThat(minutes.status()).isEqualTo(302);
        String saved = page.get("/backlog").body();
        assertThat(saved).contains("Compte rendu enregistré.", dev.name() + ", " + lead.name());

        YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
        Response file = page.get("/backlog/" + month + "/minutes.md");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"backlog-review-" + month + ".md\"");
        assertThat(file.body()).startsWith("# Revue mensuelle du backlog — " + month)
                .contains("| #" + a + " | Page : exporter en PDF | Planifier pour 2.1.0 | " + lead.name() + " |",
                        "bloque #" + a);
        assertThat(page.get("/backlog/" + month + "/minutes.md?lang=en").body()).contains("Plan for 2.1.0");

        // a developer reads the review: no forms, and a crafted score post is refused
        DeskClient devPage = dev.browser();
        String read = devPage.get("/backlog").body();
        assertThat(read).contains("Page : exporter en PDF", "Planifié pour 2.1.0")
                .doesNotContain("score-form", "minutes-form", "dependency-form");
        Response forbidden = devPage.form("/backlog/tickets/" + a + "/score", "userValue=1&_csrf="
                + enc(devPage.csrfFrom("/backlog")));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Seul un lead ou un administrateur peut noter le backlog.");
        assertThat(devPage.get("/backlog?lang=en").body()).contains("Backlog review", "Planned for 2.1.0", "Why this rank");

        // months: a month without minutes, and nonsense, fall back to this month with why
        Response none = devPage.get("/backlog?month=2001-01&lang=fr");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("Aucune revue du backlog n’a été enregistrée pour 2001-01");
        assertThat(devPage.get("/backlog?month=2026-13").status()).isEqualTo(400);
        // the tickets leave the shared database's scope
        assertThat(lead.api().post("/api/v1/tickets/" + a + "/transitions", "{\"to\":\"REJECTED\",\"reason\":\"test\"}")
                .status()).isEqualTo(200);
        assertThat(lead.api().post("/api/v1/tickets/" + b + "/transitions", "{\"to\":\"REJECTED\",\"reason\":\"test\"}")
                .status()).isEqualTo(200);
    }
}
