package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The monthly backlog review in headless Chromium, on a database of its own (the scope is exactly these
 * tickets): a lead raises a ticket's scores in place and the table reorders without a page load, the
 * reasons following; a dependency on oneself is refused beside the field. Screenshots under
 * target/screenshots/backlog-*.png.
 */
@DeskTest
@ContextConfiguration(initializers = BacklogReviewBrowserTest.OwnDatabase.class)
@DirtiesContext
class BacklogReviewBrowserTest {

    static final String LEAD = "lea";
    static final Duration WAIT = Duration.ofSeconds(15);

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("backlogui");
        }
    }

    @LocalServerPort
    int port;

    private long open(DeskClient lead, String json) {
        return lead.post("/api/v1/tickets", json).json().get("number").asLong();
    }

    private static List<String> rows(Browser b) {
        return b.all("#backlog-ranking tbody tr").stream().map(r -> r.getAttribute("data-number")).toList();
    }

    @Test
    void raisingAScoreReordersTheBacklogInPlaceAndASelfDependencyIsRefusedInline() {
        DeskClient lead = DeskClient.newUser(port, LEAD, "LEAD");
        DeskClient.newUser(port, "marc", "DEVELOPER");
        long pdf = open(lead, "{\"title\":\"Exporter les rapports en PDF\",\"type\":\"EVOLUTIVE\"}");
        long django = open(lead, "{\"title\":\"Mettre à jour Django 5.2\",\"type\":\"PREVENTIVE\"}");
        long sla = open(lead, "{\"title\":\"Supprimer l’ancien calcul SLA\",\"type\":\"CORRECTIVE\",\"labels\":[\"tech-debt\"]}");
        long search = open(lead, "{\"title\":\"Recherche plein texte des tickets\",\"type\":\"EVOLUTIVE\"}");
        lead.send("PUT", "/api/v1/backlog/tickets/" + pdf + "/score", "{\"userValue\":3,\"technicalRisk\":3}");
        lead.send("PUT", "/api/v1/backlog/tickets/" + django + "/score", "{\"userValue\":4,\"technicalRisk\":4}");
        lead.send("PUT", "/api/v1/backlog/tickets/" + sla + "/score", "{\"userValue\":2,\"technicalRisk\":2}");
        assertThat(lead.post("/api/v1/backlog/tickets/" + sla + "/dependencies", "{\"blocks\":" + django + "}").status())
                .isEqualTo(200);

        try (Browser b = Browser.open(port)) {
            b.logIn(LEAD, "pw-" + LEAD + "-0123456789");
            b.get("/backlog");
            assertThat(b.find("nav.main-nav a[aria-current=page]").getText()).isEqualTo("Backlog");
            assertThat(rows(b)).containsExactly(String.valueOf(sla), String.valueOf(django), String.valueOf(pdf),
                    String.valueOf(search));
            assertThat(b.text("#ticket-" + sla + " .reason")).isEqualTo("bloque #" + django);
            assertThat(b.text("#ticket-" + search + " .reason")).isEqualTo("non noté");
            assertThat(b.text(".tech-debt .debt-share")).isEqualTo("1 ticket(s) tech-debt sur 4 (25 %)");
            b.screenshot("backlog-review-before");
            js(b, "window.backlogMarker = 'same page'");

            // value 3 → 5: 15 < 16, still third
            new Select(b.find("#userValue-" + pdf)).selectByValue("5");
            waitFor(b, "#ticket-" + pdf + " .reason", "score 15");
            assertThat(rows(b).indexOf(String.valueOf(pdf))).isEqualTo(2);
            // risk 3 → 5: 25, first, and the focus stays on the select just changed
            new Select(b.find("#technicalRisk-" + pdf)).selectByValue("5");
            waitFor(b, "#ticket-" + pdf + " .reason", "score 25");
            assertThat(rows(b)).containsExactly(String.valueOf(pdf), String.valueOf(sla), String.valueOf(django),
                    String.valueOf(search));
            assertThat(b.text("#ticket-" + pdf + " .rank")).isEqualTo("1");
            assertThat(b.text("#ticket-" + pdf + " .score")).isEqualTo("25");
            assertThat(js(b, "return window.backlogMarker")).as("no page load").isEqualTo("same page");
            assertThat(js(b, "return document.activeElement.id")).isEqualTo("technicalRisk-" + pdf);
            b.screenshot("backlog-review-after");

            // a score outside 1–5 (a tampered select) is refused beside the row, in place, and nothing changes
            js(b, "var s = document.getElementById('userValue-" + search + "'); var o = document.createElement('option');"
                    + " o.value = '9'; o.text = '9'; s.add(o); s.value = '9';"
                    + " s.dispatchEvent(new Event('change', {bubbles: true}));");
            waitFor(b, "#ticket-" + search + " .error", "une note va de 1 à 5");
            assertThat(b.find("#userValue-" + search).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.text("#ticket-" + search + " .reason")).isEqualTo("non noté");
            assertThat(rows(b).getFirst()).isEqualTo(String.valueOf(pdf));
            assertThat(js(b, "return window.backlogMarker")).as("no page load").isEqualTo("same page");
            b.screenshot("backlog-score-refused");

            // a dependency on oneself: refused by the tickets' rule, shown beside the field, nothing added
            b.find("#dependency-blocker").sendKeys(String.valueOf(pdf));
            b.find("#dependency-blocks").sendKeys("#" + pdf);
            b.submit(b.find(".dependency-form button[type=submit]"));
            assertThat(b.text(".dependency-form .field.invalid .error")).isEqualTo("un ticket ne peut pas être lié à lui-même");
            assertThat(b.find("#dependency-blocks").getAttribute("value")).isEqualTo("#" + pdf);
            assertThat(b.find("#dependency-blocks").getAttribute("aria-invalid")).isEqualTo("true");
            b.screenshot("backlog-dependency-refused");

            // the minutes: attendees and a decision, then the page says so
            b.get("/backlog");
            new Select(b.find("#decision-" + pdf)).selectByValue("PLAN");
            b.find("#release-" + pdf).sendKeys("1.5.0");
            b.submit(b.find("#ticket-" + pdf + " .decision-form button"));
            assertThat(b.text("#ticket-" + pdf + " .decided")).isEqualTo("Planifié pour 1.5.0");
            b.find(".minutes-form input[value=lea]").click();
            b.find(".minutes-form input[value=marc]").click();
            b.submit(b.find(".minutes-form button[type=submit]"));
            assertThat(b.text(".minutes-summary")).contains("lea, marc", "1 décision(s)");
            b.screenshot("backlog-minutes");
            b.phoneScreenshot("backlog-phone");
        }
    }

    private static void waitFor(Browser b, String css, String text) {
        // the table is replaced while we look: an element that was just swapped out is looked for again
        new WebDriverWait(b.driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && text.equals(found.getFirst().getText());
        });
    }

    private static Object js(Browser b, String script) {
        return ((JavascriptExecutor) b.driver).executeScript(script);
    }
}
