package dev.maintenancedesk.web.browser;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 in headless Chromium: a P1 goes from incident to a closed post-mortem with one root cause and one
 * corrective ticket (an end before the start refused next to the impact form on the way), then a second
 * incident with the same cause is flagged recurring on its post-mortem, its ticket and the causes page.
 * Saves postmortem-refused.png, postmortem.png, postmortem-recurring.png, ticket-recurring.png and causes.png.
 */
@DeskTest
class PostmortemBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aP1FromIncidentToAClosedPostmortemThenASecondIncidentWithTheSameCauseFlaggedRecurring() {
        DeskClient admin = DeskClient.admin(port);
        long a = admin.post("/api/v1/tickets", "{\"title\":\"Paiements indisponibles\",\"type\":\"CORRECTIVE\","
                + "\"priority\":\"P1\"}").json().get("number").asLong();
        merged(admin, a);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.MINUTES);
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.get("/tickets/" + a);
            assertThat(b.text("#postmortem")).contains("Sections rédigées : 0 sur 6");
            b.submit(b.find("#open-postmortem"));
            assertThat(b.text("h1")).contains("Post-mortem").contains("Paiements indisponibles");
            assertThat(b.text("table.pm-chronology")).contains("Ticket ouvert par admin")
                    .contains("État : Revue → Merge + release note (par admin)");

            // Impact: an end before the start is refused next to the form, in French, keeping what was typed.
            set(b, "#impact-startedAt", now.minusHours(2).toString());
            set(b, "#impact-endedAt", now.minusHours(3).toString());
            b.submit(b.find(".pm-impact-form button[type=submit]"));
            assertThat(b.text("#impact .alert-error")).contains("Valeurs refusées.").contains("Fin")
                    .contains("ne peut pas précéder le début");
            assertThat(b.find("#impact-endedAt").getAttribute("value")).isEqualTo(now.minusHours(3).toString());
            b.screenshot("postmortem-refused");
            set(b, "#impact-detectedAt", now.minusMinutes(110).toString());
            set(b, "#impact-endedAt", now.minusMinutes(30).toString());
            b.find("#impact-usersAffected").sendKeys("1500");
            b.submit(b.find(".pm-impact-form button[type=submit]"));
            assertThat(b.text("#impact-duration")).isEqualTo("1 h 30 min");

            // The team adds a line to the chronology.
            set(b, "#line-at", now.minusMinutes(100).toString());
            b.find("#line-text").sendKeys("Rollback de la version 2.3.1");
            b.submit(b.find(".pm-add-line button[type=submit]"));
            WebElement teamLine = b.find("tr[data-source=TEAM]");
            assertThat(teamLine.getText()).contains("Équipe").contains("Rollback de la version 2.3.1");

            // One root cause, created here.
            b.find("#cause-title").sendKeys("Certificat TLS expiré");
            new Select(b.find("#cause-category")).selectByValue("INFRASTRUCTURE");
            b.submit(b.find(".pm-new-cause button[type=submit]"));
            assertThat(b.text(".pm-causes")).contains("Certificat TLS expiré").contains("Infrastructure").contains("ouverte");

            // One corrective ticket, with its owner and due date, for that cause.
            b.find("#action-title").sendKeys("Alerter 30 jours avant l’expiration des certificats");
            new Select(b.find("#action-owner")).selectByValue("admin");
            set(b, "#action-due", LocalDate.now().plusDays(30).toString());
            b.submit(b.find(".pm-new-action button[type=submit]"));
            String notice = b.text(".alert-info");
            assertThat(notice).startsWith("Ticket de correctif #");
            long fix = Long.parseLong(notice.replaceAll("\\D+", " ").strip().split(" ")[0]);
            assertThat(b.text("table.pm-actions")).contains("#" + fix).contains("admin").contains("Création");
            assertThat(b.text("#actions-progress")).isEqualTo("0 sur 1 clos");

            b.find("#pm-immediate_actions").sendKeys("Certificat renouvelé à la main, paiements rétablis.");
            b.find("#pm-lessons").sendKeys("Surveiller toutes les dates d’expiration.");
            b.submit(b.find("#texts button[type=submit]"));
            assertThat(b.text("#pm-status")).contains("Post-mortem complet");

            // The fix ships and closes: the post-mortem shows its progress.
            closeFix(admin, fix);
            b.get("/tickets/" + a + "/postmortem");
            assertThat(b.text("#actions-progress")).isEqualTo("1 sur 1 clos");
            assertThat(b.text(".pm-causes")).contains("corrigée, en observation");
            b.screenshot("postmortem");

            // The P1 closes (its post-mortem is complete).
            b.get("/tickets/" + a);
            b.submit(b.find("li[data-move=CLOSED] button[type=submit]"));
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Clôture");

            // A second incident: the same cause, picked from the existing ones, is back.
            long second = admin.post("/api/v1/tickets", "{\"title\":\"Paiements de nouveau indisponibles\","
                    + "\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}").json().get("number").asLong();
            b.get("/tickets/" + second + "/postmortem");
            assertThat(b.all("#recurring")).isEmpty();
            new Select(b.find("#cause-pick")).selectByVisibleText("Certificat TLS expiré (Infrastructure)");
            b.submit(b.find(".pm-pick-cause button[type=submit]"));
            assertThat(b.find("#recurring").isDisplayed()).isTrue();
            assertThat(b.text("#recurring")).isEqualToIgnoringCase("récurrent");
            assertThat(b.text(".pm-causes")).contains("Certificat TLS expiré").contains("Explique aussi #" + a);
            b.screenshot("postmortem-recurring");

            b.get("/tickets/" + second);
            assertThat(b.find("#ticket-recurring").isDisplayed()).isTrue();
            b.screenshot("ticket-recurring");

            b.get("/causes");
            WebElement row = b.find("tr[data-cause]");
            assertThat(b.text(".pm-cause-table")).contains("Certificat TLS expiré").contains("#" + a).contains("#" + second);
            assertThat(row).isNotNull();
            b.screenshot("causes");
        }
    }

    /** Sets an input's value as a user's picker would (date and time inputs ignore typed text in some locales). */
    private static void set(Browser b, String css, String value) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1]", b.find(css), value);
    }

    private static void merged(DeskClient admin, long n) {
        String t = "/api/v1/tickets/" + n;
        move(admin, n, "TRIAGED");
        admin.patch(t, json("{\"version\":%s,\"assignee\":\"admin\"}", admin.get(t).json().get("version").asInt()));
        move(admin, n, "ASSIGNED");
        move(admin, n, "IN_PROGRESS");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#12\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci\",\"releaseNote\":\"corrigé\"}",
                admin.get(t).json().get("version").asInt()));
        move(admin, n, "IN_REVIEW");
        move(admin, n, "MERGED");
    }

    private static void closeFix(DeskClient admin, long n) {
        String t = "/api/v1/tickets/" + n;
        move(admin, n, "TRIAGED");
        move(admin, n, "ASSIGNED");
        move(admin, n, "IN_PROGRESS");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#13\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci\",\"releaseNote\":\"alerte d’expiration\"}",
                admin.get(t).json().get("version").asInt()));
        move(admin, n, "IN_REVIEW");
        move(admin, n, "MERGED");
        move(admin, n, "CLOSED");
    }

    private static void move(DeskClient admin, long n, String to) {
        Response r = admin.post("/api/v1/tickets/" + n + "/transitions", json("{\"to\":%s}", to));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
