package dev.maintenancedesk.web.tickets;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ticket page's rules of issue 9 over real HTTP: an edit conflict keeps the typed values and says
 * what changed meanwhile; the post-mortem refusal names the missing sections; team and assignee are
 * chosen from the plan and the users; a reporter edits the text of their own ticket; links are checked;
 * a new ticket is confirmed; test evidence addresses are links.
 */
@DeskTest
class TicketPageRulesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aStaleEditKeepsTheTypedValuesSaysWhoChangedWhatAndAppliesThemOnTop() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient other = DeskClient.newUser(port, "pg-other", "LEAD");
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Titre d’origine\",\"priority\":\"P3\"}").json()
                .get("number").asLong();
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String read = browser.get("/tickets/" + n).body();
        String version = value(read, "version");
        String readAt = value(read, "readAt");

        // Meanwhile, someone else changes the priority.
        assertThat(other.patch("/api/v1/tickets/" + n, json("{\"version\":%s,\"priority\":\"P4\"}", Integer.parseInt(version)))
                .status()).isEqualTo(200);

        Response stale = browser.form("/tickets/" + n, "_csrf=" + csrf(read) + "&version=" + version + "&readAt="
                + enc(readAt) + "&title=" + enc("Mon nouveau titre") + "&priority=P2&_labels=on");
        assertThat(stale.status()).isEqualTo(302);
        String page = browser.get("/tickets/" + n).body();
        String edit = page.substring(page.indexOf("id=\"edit\""));
        assertThat(edit).contains("id=\"edit-conflict\"")
                .contains("Ce ticket a été modifié par quelqu’un d’autre pendant que vous le modifiiez.")
                .doesNotContain("Action impossible dans l’état actuel du ticket")
                .contains("value=\"Mon nouveau titre\"")
                .containsPattern("<option value=\"P2\" selected=\"selected\">")
                .containsPattern("<li data-field=\"priority\">\\s*<span class=\"person\" title=\"pg-other\"[^>]*>pg-other</span>")
                .contains("Appliquer mes modifications");
        assertThat(edit.substring(edit.indexOf("class=\"meanwhile\""), edit.indexOf("</ul>")))
                .contains("P3").contains("P4").doesNotContain("Titre d’origine");
        // The form now carries the current version: saving applies the typed values on top.
        String current = value(edit, "version");
        assertThat(Integer.parseInt(current)).isEqualTo(Integer.parseInt(version) + 1);
        Response applied = browser.form("/tickets/" + n, "_csrf=" + csrf(page) + "&version=" + current + "&readAt="
                + enc(value(edit, "readAt")) + "&title=" + enc("Mon nouveau titre") + "&priority=P2&_labels=on");
        assertThat(applied.status()).isEqualTo(302);
        var ticket = admin.get("/api/v1/tickets/" + n).json();
        assertThat(ticket.get("title").asString()).isEqualTo("Mon nouveau titre");
        assertThat(ticket.get("priority").asString()).isEqualTo("P2");
        assertThat(browser.get("/tickets/" + n).body()).doesNotContain("id=\"edit-conflict\"");
    }

    @Test
    void closingWithAnIncompletePostmortemNamesEachMissingSectionOnceAndSavingItIsInTheHistory() {
        DeskClient admin = DeskClient.admin(port);
        long n = merged(admin);
        admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem",
                "{\"sections\":{\"timeline\":\"16:30 panne\",\"impact\":\"paiements\"}}");
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String before = browser.get("/tickets/" + n).body();
        Response refused = browser.form("/tickets/" + n + "/transitions", "_csrf=" + csrf(before) + "&to=CLOSED&version="
                + value(before, "version"));
        assertThat(refused.status()).isEqualTo(302);
        String page = browser.get("/tickets/" + n).body();
        assertThat(page).contains("la section « Cause racine » du post-mortem")
                .contains("la section « Actions immédiates » du post-mortem")
                .contains("la section « Correctifs long terme » du post-mortem")
                .contains("la section « Leçons / prévention » du post-mortem")
                .doesNotContain("postmortem.timeline").doesNotContain("un post-mortem complet");
        // Shown once, in the refusal (the move's own list is hidden while the refusal lists them).
        assertThat(Pattern.compile("data-requirement=\"postmortem.root_cause\"").matcher(page).results().count())
                .isEqualTo(2);
        assertThat(page).containsPattern("<div class=\"unmet\" id=\"req-CLOSED\"\\s+hidden=\"hidden\">");

        Response saved = browser.form("/tickets/" + n + "/postmortem", "_csrf=" + csrf(page)
                + "&section.root_cause=" + enc("déploiement du vendredi"));
        assertThat(saved.status()).isEqualTo(302);
        String after = browser.get("/tickets/" + n).body();
        assertThat(after).contains("Post-mortem enregistré.").containsPattern(
                "<span class=\"person\" title=\"admin\"[^>]*>Administrator</span>\\s*<span>a enregistré</span>\\s*<span class=\"field-name\">le post-mortem</span>");
        assertThat(browser.get("/tickets/" + n + "?lang=en").body()).contains("the post-mortem");
    }

    @Test
    void teamAndAssigneeAreChosenFromThePlanAndTheUsersByName() {
        DeskClient admin = DeskClient.admin(port);
        admin.post("/api/v1/users", json("{\"username\":\"pg-dev\",\"password\":\"pw-pg-dev-0123456789\",\"role\":\"DEVELOPER\","
                + "\"displayName\":\"Paula Gomez\",\"email\":\"pg-dev@example.test\"}"));
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Équipes\"}").json().get("number").asLong();
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets/" + n).body();
        assertThat(page).contains("<option value=\"pg-dev\" title=\"pg-dev\">Paula Gomez</option>")
                .containsPattern("<select id=\"e-team\" name=\"team\">\\s*<option value=\"\">Aucune équipe</option>\\s*<option value=\"[a-z0-9-]+\" title=")
                .doesNotContain("<input type=\"text\" id=\"e-team\"");
        Response saved = browser.form("/tickets/" + n, "_csrf=" + csrf(page) + "&version=" + value(page, "version")
                + "&assignee=pg-dev&team=" + enc("nope") + "&_labels=on");
        assertThat(saved.status()).isEqualTo(302);
        String refused = browser.get("/tickets/" + n).body();
        assertThat(refused).contains("role=\"alert\"");
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("assignee").isNull()).isTrue();
    }

    @Test
    void aDisabledAssigneeStaysInTheSelectSoSavingDoesNotUnassign() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient.newUser(port, "pg-gone", "DEVELOPER");
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Parti\",\"assignee\":\"pg-gone\"}").json().get("number").asLong();
        assertThat(admin.patch("/api/v1/users/pg-gone", "{\"enabled\":false}").status()).isEqualTo(200);
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets/" + n).body();
        assertThat(page).contains("<option value=\"pg-gone\" title=\"pg-gone\" selected=\"selected\">pg-gone</option>");
        Response saved = browser.form("/tickets/" + n, "_csrf=" + csrf(page) + "&version=" + value(page, "version")
                + "&title=" + enc("Parti, renommé") + "&assignee=pg-gone&_labels=on");
        assertThat(saved.status()).isEqualTo(302);
        var ticket = admin.get("/api/v1/tickets/" + n).json();
        assertThat(ticket.get("title").asString()).isEqualTo("Parti, renommé");
        assertThat(ticket.get("assignee").asString()).isEqualTo("pg-gone");
    }

    @Test
    void aReporterEditsTheTitleDescriptionAndLabelsOfTheirOwnTicketOnly() {
        DeskClient.newUser(port, "pg-reporter", "REPORTER");
        DeskClient browser = DeskClient.browserLogin(port, "pg-reporter", "pw-pg-reporter-0123456789");
        String form = browser.get("/tickets/new?template=plain").body();
        Response created = browser.form("/tickets/new", "_csrf=" + csrf(form) + "&template=plain&title=" + enc("Mon souci"));
        assertThat(created.status()).isEqualTo(302);
        String location = created.header("Location").replaceFirst("^https?://[^/]+", "");
        String page = browser.get(location).body();
        assertThat(page).contains("Ticket créé.");
        String edit = page.substring(page.indexOf("id=\"edit\""), page.indexOf("</form>", page.indexOf("id=\"edit\"")));
        assertThat(edit).contains("name=\"title\"").contains("name=\"description\"").contains("name=\"labels\"")
                .doesNotContain("name=\"priority\"").doesNotContain("name=\"assignee\"").doesNotContain("name=\"team\"")
                .doesNotContain("name=\"testEvidence\"").doesNotContain("name=\"_apiImpact\"");
        Response saved = browser.form(location, "_csrf=" + csrf(page) + "&version=" + value(page, "version")
                + "&title=" + enc("Mon souci, précisé") + "&description=" + enc("Détails") + "&_labels=on&labels=bug");
        assertThat(saved.status()).isEqualTo(302);
        String after = browser.get(location).body();
        assertThat(after).contains("Ticket enregistré.").contains("<h1>Mon souci, précisé</h1>");

        // Someone else's ticket: no edit form at all.
        long others = DeskClient.admin(port).post("/api/v1/tickets", "{\"title\":\"Pas à moi\"}").json().get("number").asLong();
        assertThat(browser.get("/tickets/" + others).body()).doesNotContain("id=\"edit\"");
    }

    @Test
    void anInvalidLinkIsRefusedInTheUsersLanguageAndEvidenceAddressesAreLinks() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Liens\"}").json().get("number").asLong();
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets/" + n).body();
        assertThat(browser.form("/tickets/" + n + "/links", "_csrf=" + csrf(page) + "&kind=PULL_REQUEST&target="
                + enc("pas une url")).status()).isEqualTo(302);
        String refused = browser.get("/tickets/" + n).body();
        assertThat(refused).contains("id=\"link-error\"").contains("n’est pas une pull request")
                .doesNotContain("is not a pull request");
        assertThat(browser.form("/tickets/" + n + "/links", "_csrf=" + csrf(page) + "&kind=COMMIT&target="
                + enc("zzz pas un hash")).status()).isEqualTo(302);
        assertThat(browser.get("/tickets/" + n).body()).contains("n’est pas un commit");
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("links").size()).isZero();

        admin.patch("/api/v1/tickets/" + n, json("{\"version\":0,\"testEvidence\":%s}",
                "CI : https://ci.example.test/build/42?x=1&y=2 <script>alert(1)</script> javascript:alert(2)"));
        String shown = browser.get("/tickets/" + n).body();
        assertThat(shown).contains("<a class=\"url\" rel=\"noopener noreferrer\" href=\"https://ci.example.test/build/42?x=1&amp;y=2\">")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("href=\"javascript");
    }

    @Test
    void moveButtonsAreNotAllPrimaryAndRejectingLooksDangerous() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Boutons\"}").json().get("number").asLong();
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets/" + n).body();
        String rejected = page.substring(page.indexOf("data-move=\"REJECTED\""));
        assertThat(rejected.substring(0, rejected.indexOf("</button>"))).contains("class=\"button danger\"");
        assertThat(Pattern.compile("class=\"button primary\"").matcher(
                page.substring(page.indexOf("id=\"workflow\""), page.indexOf("id=\"links\""))).results().count())
                .isLessThanOrEqualTo(1);
    }

    private static long merged(DeskClient admin) {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Panne\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        move(admin, n, "TRIAGED");
        admin.patch(t, json("{\"version\":%s,\"assignee\":\"admin\"}", admin.get(t).json().get("version").asInt()));
        move(admin, n, "ASSIGNED");
        move(admin, n, "IN_PROGRESS");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#1\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci\",\"releaseNote\":\"fixed\"}",
                admin.get(t).json().get("version").asInt()));
        move(admin, n, "IN_REVIEW");
        move(admin, n, "MERGED");
        return n;
    }

    private static void move(DeskClient admin, long n, String to) {
        Response r = admin.post("/api/v1/tickets/" + n + "/transitions", json("{\"to\":%s}", to));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden " + name).isTrue();
        return m.group(1);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("csrf").isTrue();
        return enc(m.group(1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
