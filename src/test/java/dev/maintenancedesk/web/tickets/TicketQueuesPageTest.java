package dev.maintenancedesk.web.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's work queues over real HTTP in browser sessions: the open default, several states, unassigned,
 * reported by me, mine; saved views (own, shared by a lead, refused input, other people's); "assign to me".
 */
@DeskTest
class TicketQueuesPageTest {

    static final String PW = "pw-%s-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static long reported;
    static long assigned;
    static long rejected;

    @BeforeEach
    void tickets() {
        if (reported != 0) {
            return;
        }
        DeskClient admin = DeskClient.admin(port);
        DeskClient reporter = DeskClient.newUser(port, "qpage-rep", "REPORTER");
        DeskClient.newUser(port, "qpage-dev", "DEVELOPER");
        DeskClient.newUser(port, "qpage-dev2", "DEVELOPER");
        DeskClient.newUser(port, "qpage-lead", "LEAD");
        reported = reporter.post("/api/v1/tickets", "{\"title\":\"Qp signalé\",\"labels\":[\"qpage\"]}")
                .json().get("number").asLong();
        assigned = admin.post("/api/v1/tickets", "{\"title\":\"Qp attribué\",\"labels\":[\"qpage\"],\"assignee\":\"qpage-dev\"}")
                .json().get("number").asLong();
        rejected = admin.post("/api/v1/tickets", "{\"title\":\"Qp rejeté\",\"labels\":[\"qpage\"]}")
                .json().get("number").asLong();
        assertThat(admin.post("/api/v1/tickets/" + rejected + "/transitions",
                "{\"to\":\"REJECTED\",\"reason\":\"doublon\"}").status()).isEqualTo(200);
    }

    @Test
    void theListShowsTheOpenTicketsByDefaultAndEachQueue() {
        DeskClient dev = login("qpage-dev");
        String open = dev.get("/tickets?label=qpage").body();
        assertThat(open).contains("Qp signalé").contains("Qp attribué").doesNotContain("Qp rejeté")
                .contains("data-queue=\"open\"").contains("Signalés par moi").contains("Non attribués");
        assertThat(dev.get("/tickets?label=qpage&state=all").body()).contains("Qp rejeté").contains("Qp signalé");
        String several = dev.get("/tickets?label=qpage&state=REJECTED&state=CLOSED").body();
        assertThat(several).contains("Qp rejeté").doesNotContain("Qp signalé")
                .contains("id=\"f-state-REJECTED\" value=\"REJECTED\" checked=\"checked\"")
                .contains("id=\"f-state-CLOSED\" value=\"CLOSED\" checked=\"checked\"");
        assertThat(dev.get("/tickets?label=qpage&assignee=-").body()).contains("Qp signalé").doesNotContain("Qp attribué")
                .doesNotContain("Qp rejeté");
        assertThat(dev.get("/tickets?label=qpage&assignee=me").body()).contains("Qp attribué").doesNotContain("Qp signalé");
        String mine = dev.get("/tickets?assignee=me").body();
        assertThat(mine).contains("aria-current=\"page\" data-queue=\"mine\" class=\"active\"");
        assertThat(login("qpage-rep").get("/tickets?label=qpage&reporter=me").body()).contains("Qp signalé")
                .doesNotContain("Qp attribué").doesNotContain("data-queue=\"mine\"");
        assertThat(dev.get("/tickets?state=NOPE").status()).isEqualTo(400);
        DeskClient.Response blank = dev.get("/tickets?state=&state=NEW&assignee=");
        assertThat(blank.status()).isEqualTo(302);
        assertThat(blank.header("Location")).endsWith("/tickets?state=NEW");
    }

    @Test
    void aSavedViewIsListedOpensItsFiltersAndOnlyItsOwnerDeletesIt() {
        DeskClient dev = login("qpage-dev");
        DeskClient.Response saved = save(dev, "Mes rejets", "label=qpage&state=REJECTED", false);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/tickets?state=REJECTED&label=qpage");
        String list = dev.get("/tickets").body();
        assertThat(list).contains("href=\"/tickets?state=REJECTED&amp;label=qpage\">Mes rejets</a>");
        long id = viewId("Mes rejets");
        assertThat(login("qpage-dev2").get("/tickets").body()).as("private").doesNotContain("Mes rejets");

        DeskClient other = login("qpage-dev2");
        assertThat(delete(other, id).status()).as("someone else's private view").isEqualTo(404);
        assertThat(delete(dev, id).status()).isEqualTo(302);
        assertThat(dev.get("/tickets").body()).doesNotContain("Mes rejets");
        assertThat(delete(dev, id).status()).as("already gone").isEqualTo(404);
    }

    @Test
    void aLeadSharesAViewWhichOthersSeeButCannotDelete() {
        DeskClient lead = login("qpage-lead");
        assertThat(save(lead, "À qualifier (équipe)", "state=NEW", true).status()).isEqualTo(302);
        long id = viewId("À qualifier (équipe)");
        DeskClient dev = login("qpage-dev2");
        assertThat(dev.get("/tickets").body()).contains("À qualifier (équipe)</a>").contains("partagée par qpage-lead");
        assertThat(delete(dev, id).status()).isEqualTo(403);
        assertThat(save(dev, "Partage interdit", "state=NEW", true).status()).as("only a lead shares").isEqualTo(403);
        assertThat(viewCount("Partage interdit")).isZero();
        assertThat(delete(lead, id).status()).isEqualTo(302);
    }

    @Test
    void badViewInputIsABadRequestWithTheReasonInFrench() {
        DeskClient dev = login("qpage-dev");
        DeskClient.Response blank = save(dev, "  ", "state=NEW", false);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("La vue n’a pas été enregistrée.").contains("ce champ est obligatoire")
                .contains("aria-invalid=\"true\"");
        DeskClient.Response tooLong = save(dev, "x".repeat(81), "state=NEW", false);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("au plus 80 caractères");
        assertThat(save(dev, "Mauvais état", "state=NOPE", false).status()).isEqualTo(400);
        assertThat(save(dev, "Nul", "state=NEW%00", false).status()).isEqualTo(400);
        assertThat(viewCount("Mauvais état") + viewCount("Nul")).isZero();
        assertThat(delete(dev, 999_999).status()).isEqualTo(404);
    }

    @Test
    void aDeveloperAssignsATicketToThemselvesFromTheList() {
        DeskClient dev = login("qpage-dev2");
        String list = dev.get("/tickets?label=qpage&assignee=-").body();
        Matcher form = Pattern.compile("/tickets/" + reported + "/assign-to-me\"[^>]*>[^<]*(?:<input[^>]*>\\s*)*?"
                + "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(list);
        assertThat(form.find()).as("an assign-to-me form on the unassigned row").isTrue();
        int version = Integer.parseInt(form.group(1));

        DeskClient.Response stale = dev.form("/tickets/" + reported + "/assign-to-me", "version=" + (version + 7)
                + "&back=" + enc("/tickets?label=qpage") + "&_csrf=" + enc(dev.csrfFrom("/tickets")));
        assertThat(stale.status()).isEqualTo(302);
        assertThat(stale.header("Location")).endsWith("/tickets?label=qpage");
        assertThat(dev.get("/tickets?label=qpage").body()).contains("n’a pas pu vous être attribué");

        DeskClient.Response done = dev.form("/tickets/" + reported + "/assign-to-me", "version=" + version
                + "&back=" + enc("/tickets?label=qpage") + "&_csrf=" + enc(dev.csrfFrom("/tickets")));
        assertThat(done.status()).isEqualTo(302);
        assertThat(dev.get("/tickets?label=qpage").body()).contains("vous est attribué.");
        assertThat(jdbc.sql("SELECT assignee FROM tickets WHERE number = ?").param(reported).query(String.class).single())
                .isEqualTo("qpage-dev2");

        DeskClient rep = login("qpage-rep");
        assertThat(rep.get("/tickets?label=qpage").body()).doesNotContain("assign-to-me");
        DeskClient.Response refused = rep.form("/tickets/" + assigned + "/assign-to-me", "version=1&_csrf="
                + enc(rep.csrfFrom("/tickets")));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/tickets");
        assertThat(rep.get(refused.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("n’a pas pu vous être attribué");
        assertThat(jdbc.sql("SELECT assignee FROM tickets WHERE number = ?").param(assigned).query(String.class).single())
                .isEqualTo("qpage-dev");
    }

    private DeskClient login(String username) {
        return DeskClient.browserLogin(port, username, PW.formatted(username));
    }

    private static DeskClient.Response save(DeskClient browser, String name, String query, boolean shared) {
        return browser.form("/tickets/views", "name=" + enc(name) + "&query=" + enc(query)
                + (shared ? "&shared=true" : "") + "&_csrf=" + enc(browser.csrfFrom("/tickets")));
    }

    private static DeskClient.Response delete(DeskClient browser, long id) {
        return browser.form("/tickets/views/" + id + "/delete", "_csrf=" + enc(browser.csrfFrom("/tickets")));
    }

    private long viewId(String name) {
        return jdbc.sql("SELECT id FROM saved_views WHERE name = ?").param(name).query(Long.class).single();
    }

    private long viewCount(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM saved_views WHERE name = ?").param(name).query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
