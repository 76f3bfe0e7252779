package dev.maintenancedesk.web.browser;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9's ticket page in headless Chromium: an edit conflict keeps what was typed, the post-mortem
 * refusal names the missing sections, an invalid pull-request link is refused next to the form, and at
 * 390 px the moves and fields come before the history. Saves ticket.png and ticket-phone.png.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketPageBrowserTest {

    static final String DEV = "tp-dev";

    @LocalServerPort
    int port;

    DeskClient admin;

    @BeforeAll
    void users() {
        admin = DeskClient.admin(port);
        DeskClient.newUser(port, DEV, "DEVELOPER");
    }

    @Test
    void anEditConflictKeepsTheTypedValuesAndAppliesThemOnTop() {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Export CSV vide\",\"priority\":\"P3\"}").json()
                .get("number").asLong();
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, "pw-" + DEV + "-0123456789");
            b.get("/tickets/" + n);
            WebElement title = b.find("#e-title");
            title.clear();
            title.sendKeys("Export CSV vide depuis la 2.3");
            new Select(b.find("#e-priority")).selectByValue("P2");

            // Meanwhile, in another tab: the admin changes the priority.
            assertThat(admin.patch("/api/v1/tickets/" + n, "{\"version\":0,\"priority\":\"P4\"}").status()).isEqualTo(200);

            b.submit(b.find("form.edit-form button[type=submit]"));
            assertThat(b.find("#edit-conflict").isDisplayed()).isTrue();
            assertThat(b.text("#edit-conflict")).contains("modifié par quelqu’un d’autre").contains("Administrator")
                    .contains("P4").doesNotContain("Action impossible");
            assertThat(b.find("#e-title").getAttribute("value")).isEqualTo("Export CSV vide depuis la 2.3");
            assertThat(new Select(b.find("#e-priority")).getFirstSelectedOption().getAttribute("value")).isEqualTo("P2");
            assertThat(b.text("form.edit-form button[type=submit]")).isEqualTo("Appliquer mes modifications");

            b.submit(b.find("form.edit-form button[type=submit]"));
            assertThat(b.all("#edit-conflict")).isEmpty();
            assertThat(b.text("h1")).isEqualTo("Export CSV vide depuis la 2.3");
            assertThat(b.text(".ticket-ref .priority")).contains("P2");
        }
    }

    @Test
    void closingWithAnIncompletePostmortemNamesTheMissingSections() {
        long n = merged();
        admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem",
                "{\"sections\":{\"timeline\":\"16:30 panne\",\"impact\":\"paiements\",\"root_cause\":\"config\","
                        + "\"immediate_actions\":\"rollback\"}}");
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);   // closing is for leads and above
            b.get("/tickets/" + n);
            b.submit(b.find("li[data-move=CLOSED] button[type=submit]"));
            WebElement refusal = b.find("#workflow .alert-error");
            assertThat(refusal.getText()).contains("la section « Correctifs long terme » du post-mortem")
                    .contains("la section « Leçons / prévention » du post-mortem")
                    .doesNotContain("Chronologie").doesNotContain("un post-mortem complet");
            // Listed once: the move's own list is hidden while the refusal says it.
            assertThat(b.find("li[data-move=CLOSED] .unmet").isDisplayed()).isFalse();
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Merge + release note");
        }
    }

    @Test
    void anInvalidPullRequestLinkIsRefusedNextToTheForm() {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Lien de PR\"}").json().get("number").asLong();
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, "pw-" + DEV + "-0123456789");
            b.get("/tickets/" + n);
            new Select(b.find("#link-kind")).selectByValue("PULL_REQUEST");
            b.find("#link-target").sendKeys("pas une url");
            b.submit(b.find("form.add-link button[type=submit]"));
            assertThat(b.find("#link-error").isDisplayed()).isTrue();
            assertThat(b.text("#link-error")).contains("n’est pas une pull request").contains("#N");
            assertThat(b.all("#links ul.links li")).isEmpty();

            b.find("#link-target").sendKeys("#12");
            new Select(b.find("#link-kind")).selectByValue("PULL_REQUEST");
            b.submit(b.find("form.add-link button[type=submit]"));
            assertThat(b.all("#link-error")).isEmpty();
            assertThat(b.text("#links ul.links")).contains("#12");
        }
    }

    @Test
    void onAPhoneTheMovesAndFieldsComeBeforeTheFoldedHistory() {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Tableau de bord lent au démarrage\",\"priority\":\"P2\","
                + "\"type\":\"CORRECTIVE\",\"description\":\"Le tableau de bord met **12 s** à s’afficher.\"}")
                .json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        admin.post(t + "/transitions", "{\"to\":\"TRIAGED\"}");
        admin.patch(t, json("{\"version\":%s,\"assignee\":%s,\"testEvidence\":%s}", admin.get(t).json().get("version").asInt(),
                DEV, "Mesures avant/après : https://ci.example.test/cesizen/api/builds/4821/artifacts/perf-report.html"));
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/418\"}");
        admin.post(t + "/comments", "{\"body\":\"Reproduit sur la recette.\"}");
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, "pw-" + DEV + "-0123456789");
            b.get("/tickets/" + n);
            b.screenshot("ticket");
            assertThat(b.find("#test-evidence a.url").getAttribute("href"))
                    .isEqualTo("https://ci.example.test/cesizen/api/builds/4821/artifacts/perf-report.html");

            b.driver.manage().window().setSize(new Dimension(390, 900));
            b.get("/tickets/" + n);
            int moves = b.find("#workflow").getLocation().getY();
            int fields = b.find("#h-fields").getLocation().getY();
            int clocks = b.find("#sla").getLocation().getY();
            int description = b.find("#h-description").getLocation().getY();
            int history = b.find("#history").getLocation().getY();
            assertThat(b.find("h1").getLocation().getY()).isLessThan(clocks);
            assertThat(clocks).isLessThan(moves);
            assertThat(moves).isLessThan(fields);
            assertThat(fields).isLessThan(description);
            assertThat(description).isLessThan(history);
            assertThat(b.find("#comments").getLocation().getY()).isLessThan(history);
            assertThat(b.find("#history details").getAttribute("open")).isNull();
            assertThat(b.find("#history .timeline").isDisplayed()).isFalse();
            // Nothing wider than the phone.
            Object width = ((org.openqa.selenium.JavascriptExecutor) b.driver)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
            b.phoneScreenshot("ticket-phone");
        }
    }

    private long merged() {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Paiements refusés\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        for (String to : new String[] {"TRIAGED"}) {
            admin.post(t + "/transitions", json("{\"to\":%s}", to));
        }
        admin.patch(t, json("{\"version\":%s,\"assignee\":%s}", admin.get(t).json().get("version").asInt(), DEV));
        admin.post(t + "/transitions", "{\"to\":\"ASSIGNED\"}");
        admin.post(t + "/transitions", "{\"to\":\"IN_PROGRESS\"}");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#1\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci\",\"releaseNote\":\"corrigé\"}",
                admin.get(t).json().get("version").asInt()));
        admin.post(t + "/transitions", "{\"to\":\"IN_REVIEW\"}");
        assertThat(admin.post(t + "/transitions", "{\"to\":\"MERGED\"}").status()).isEqualTo(200);
        return n;
    }
}
