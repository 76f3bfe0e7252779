package dev.maintenancedesk.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /admin/teams}: the plan's teams and calendars, for administrators only. */
@DeskTest
class AdminTeamsPageTest {

    @LocalServerPort
    int port;

    @Test
    void administratorsSeeTheTeamsAndTheirCalendars() {
        DeskClient admin = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        DeskClient.Response page = admin.get("/admin/teams");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Calendrier du plan", "Équipe CESIZen (core)", "Europe/Paris", "09:00–18:00",
                "fermé", "540 min ouvrées", "Prochains jours fériés");
        assertThat(page.body()).containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\d\">");
        assertThat(page.body()).as("the administration's pages link each other")
                .contains("href=\"/admin/users\"").contains("href=\"/admin/github\"")
                .containsPattern("<a href=\"/admin/teams\" aria-current=\"page\"");
        assertThat(admin.get("/admin/teams?lang=en").body()).contains("The plan&#39;s calendar", "Team CESIZen team (core)");
    }

    @Test
    void othersAreRefused() {
        DeskClient.newUser(port, "teams-rita", "REPORTER");
        DeskClient rita = DeskClient.browserLogin(port, "teams-rita", "pw-teams-rita-0123456789");
        assertThat(rita.get("/admin/teams").status()).isEqualTo(403);
    }
}
