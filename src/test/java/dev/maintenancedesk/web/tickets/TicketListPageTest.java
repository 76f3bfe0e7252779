package dev.maintenancedesk.web.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ticket list over real HTTP: filters in the URL, empty fields dropped, keyset pages that keep the filters. */
@DeskTest
class TicketListPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void filtersLiveInTheUrlAndPagingKeepsThem() {
        DeskClient admin = DeskClient.admin(port);
        for (int i = 1; i <= TicketListController.PAGE_SIZE + 2; i++) {
            assertThat(admin.post("/api/v1/tickets", DeskClient.json(
                    "{\"title\":%s,\"labels\":[\"veille\"],\"priority\":\"P4\"}", "Veille " + i)).status()).isEqualTo(201);
        }
        admin.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"labels\":[\"bug\"]}", "Autre chose"));
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);

        DeskClient.Response form = browser.get("/tickets?order=newest&text=&state=&priority=P4&type=&label=veille&assignee=&team=");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/tickets?priority=P4&label=veille&order=newest");

        String first = browser.get("/tickets?priority=P4&label=veille&order=newest").body();
        assertThat(first).contains("Veille " + (TicketListController.PAGE_SIZE + 2)).doesNotContain("Autre chose")
                .contains("<option value=\"veille\" selected=\"selected\">veille</option>");
        Matcher next = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).as("a next page link").isTrue();
        String nextUrl = next.group(1).replace("&amp;", "&");
        assertThat(nextUrl).startsWith("/tickets?priority=P4&label=veille&order=newest&after=");

        String second = browser.get(nextUrl).body();
        assertThat(second).contains("Veille 1<").contains("Veille 2<").doesNotContain("Veille 3<")
                .doesNotContain("rel=\"next\"").contains("Première page");
    }

    @Test
    void byDefaultTheNearestSlaDeadlineComesFirst() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        long p3 = admin.post("/api/v1/tickets", "{\"title\":\"Ordre P3\",\"labels\":[\"ordre\"],\"priority\":\"P3\"}")
                .json().get("number").asLong();
        long p1 = admin.post("/api/v1/tickets", "{\"title\":\"Ordre P1\",\"labels\":[\"ordre\"],\"priority\":\"P1\"}")
                .json().get("number").asLong();
        long none = admin.post("/api/v1/tickets", "{\"title\":\"Ordre sans priorité\",\"labels\":[\"ordre\"]}")
                .json().get("number").asLong();
        // Due dates are recorded by the sla module after the events, asynchronously: wait for them (a hang
        // guard, not a speed check), then the order must hold at once.
        for (int i = 0; i < 600 && dueRecorded(p1, p3) < 2; i++) {
            Thread.sleep(50);
        }
        assertThat(dueRecorded(p1, p3)).as("due dates recorded").isEqualTo(2);
        java.util.List<Long> byDue = new java.util.ArrayList<>();
        admin.get("/api/v1/tickets?order=due&label=ordre").json().get("items").forEach(t -> byDue.add(t.get("number").asLong()));
        assertThat(byDue).containsExactly(p1, p3, none);
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets?label=ordre").body();
        assertThat(page.indexOf("Ordre P1")).isLessThan(page.indexOf("Ordre P3"));
        assertThat(page.indexOf("Ordre P3")).isLessThan(page.indexOf("Ordre sans priorité"));
        String newest = browser.get("/tickets?label=ordre&order=newest").body();
        assertThat(newest.indexOf("Ordre sans priorité")).isLessThan(newest.indexOf("Ordre P1"));
        assertThat(newest.indexOf("Ordre P1")).isLessThan(newest.indexOf("Ordre P3"));
        assertThat(p3).isLessThan(p1).isLessThan(none);
    }

    @Test
    void anUnknownFilterValueIsABadRequestPage() {
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        DeskClient.Response response = browser.get("/tickets?state=NOPE");
        assertThat(response.status()).isEqualTo(400);
    }

    private long dueRecorded(long... numbers) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE due_at IS NOT NULL AND number IN (:numbers)")
                .param("numbers", java.util.Arrays.stream(numbers).boxed().toList()).query(Long.class).single();
    }
}
