package dev.maintenancedesk.web.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ticket list over real HTTP: filters in the URL, empty fields dropped, keyset pages that keep the filters. */
@DeskTest
class TicketListPageTest {

    @LocalServerPort
    int port;

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
        long end = System.nanoTime() + 15_000_000_000L;
        while (!admin.get("/api/v1/tickets?order=due&label=ordre").json().get("items").get(0).get("number").asString()
                .equals(Long.toString(p1))) {
            assertThat(System.nanoTime()).as("due dates recorded").isLessThan(end);
            Thread.sleep(50);
        }
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
}
