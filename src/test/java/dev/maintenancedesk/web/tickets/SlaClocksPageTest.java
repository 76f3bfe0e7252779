package dev.maintenancedesk.web.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SLA clocks of the ticket page over real HTTP: both clocks with target, deadline in the viewer's
 * zone and business time left, and the fragment the page's htmx polling reloads, which follows the
 * ticket's changes.
 */
@DeskTest
class SlaClocksPageTest {

    @LocalServerPort
    int port;

    @Test
    void theTicketPageShowsBothClocksAndTheFragmentFollowsTheTicket() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}",
                "Horloges SLA")).json().get("number").asLong();
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);

        String page = browser.get("/tickets/" + n).body();
        String section = page.substring(page.indexOf("<section id=\"sla\""), page.indexOf("<h2 id=\"h-sla\""));
        assertThat(section).contains("hx-get=\"/tickets/" + n + "/sla\"").contains("hx-trigger=\"every 30s\"")
                .contains("hx-swap=\"outerHTML\"");

        DeskClient.Response fragment = browser.get("/tickets/" + n + "/sla");
        assertThat(fragment.status()).isEqualTo(200);
        String clocks = fragment.body().strip();
        assertThat(clocks).startsWith("<section id=\"sla\"").endsWith("</section>").doesNotContain("<html")
                .contains("hx-trigger=\"every 30s\"")
                .containsPattern("data-clock=\"TAKE_CHARGE\" data-state=\"(running|at-risk)\" data-target=\"1h\"")
                .containsPattern("data-clock=\"RESOLUTION\" data-state=\"(running|at-risk)\" data-target=\"3h\"")
                .contains("Prise en compte").contains("Correction")
                .contains("1 h (temps ouvré)").contains("3 h (temps ouvré)")
                .containsPattern("<time datetime=\"[0-9T:.+-]+\">\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d \\(Europe/Paris\\)</time>")
                .contains("de temps ouvré")
                .containsPattern("<progress id=\"progress-TAKE_CHARGE\" max=\"100\" value=\"\\d+\">");

        assertThat(admin.post("/api/v1/tickets/" + n + "/transitions",
                "{\"to\":\"WAITING\",\"reason\":\"En attente du client\"}").status()).isEqualTo(200);
        String paused = browser.get("/tickets/" + n + "/sla").body();
        assertThat(paused).contains("data-clock=\"TAKE_CHARGE\" data-state=\"paused\"")
                .contains("data-clock=\"RESOLUTION\" data-state=\"paused\"")
                .contains("Échéance si reprise maintenant").contains("En pause");

        assertThat(browser.get("/tickets/" + n + "/sla?lang=en").body()).contains("Take charge")
                .contains("Deadline if resumed now").contains("of business time left");
        assertThat(browser.get("/tickets/999999/sla").status()).isEqualTo(404);
    }

    @Test
    void aTicketWithoutPriorityHasClocksWithoutTarget() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", DeskClient.json("{\"title\":%s}", "Sans priorité"))
                .json().get("number").asLong();
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);

        String clocks = browser.get("/tickets/" + n + "/sla").body();
        assertThat(clocks).contains("data-state=\"untargeted\"").contains("aucun tant que la priorité n’est pas fixée")
                .doesNotContain("<progress");
        assertThat(browser.get("/tickets?text=Sans+priorit%C3%A9").body()).doesNotContain("class=\"sla-badge");
    }
}
