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
 * People are named by their display name on every page (home uses the same fragment) (the username on hover), and a developer takes a
 * ticket from its own page with "M’attribuer".
 */
@DeskTest
class PeopleNamesPageTest {

    static final String DEV = "pnames-karim";
    static final String DEV_PASSWORD = "pw-pnames-karim-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static long assigned;
    static long free;

    @BeforeEach
    void people() {
        if (assigned != 0) {
            return;
        }
        DeskClient admin = DeskClient.admin(port);
        assertThat(admin.post("/api/v1/users", DeskClient.json(
                "{\"username\":%s,\"password\":%s,\"role\":\"DEVELOPER\",\"displayName\":\"Karim Benali\"}",
                DEV, DEV_PASSWORD)).status()).isEqualTo(201);
        DeskClient.newUser(port, "pnames-rep", "REPORTER");
        assigned = admin.post("/api/v1/tickets", "{\"title\":\"Pn attribué\",\"labels\":[\"pnames\"],"
                + "\"type\":\"CORRECTIVE\",\"priority\":\"P3\",\"assignee\":\"" + DEV + "\"}").json().get("number").asLong();
        free = admin.post("/api/v1/tickets", "{\"title\":\"Pn libre\",\"labels\":[\"pnames\"],"
                + "\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}").json().get("number").asLong();
    }

    @Test
    void displayNamesWithTheUsernameOnHoverInTheListBoardAndHistory() {
        DeskClient dev = DeskClient.browserLogin(port, DEV, DEV_PASSWORD);
        String person = "title=\"" + DEV + "\"";
        String list = dev.get("/tickets?label=pnames").body();
        assertThat(list).contains(person).contains(">Karim Benali</span>").contains(">Karim Benali</option>");
        // the newest ticket of its column, so that it is among the cards the board shows
        long fresh = DeskClient.admin(port).post("/api/v1/tickets", "{\"title\":\"Pn carte\",\"assignee\":\"" + DEV + "\"}")
                .json().get("number").asLong();
        assertThat(dev.get("/board").body()).containsPattern("id=\"card-" + fresh + "\"(?s:.)*?<p class=\"card-meta muted\">"
                + "<span class=\"person\" title=\"" + DEV + "\"[^>]*>Karim Benali</span>");
        String page = dev.get("/tickets/" + assigned).body();
        // the assignee field, and the history line that set it (before → after)
        assertThat(page).contains("class=\"person\"").contains(">Karim Benali</span>")
                .contains("class=\"after\"").containsPattern("class=\"after\"[^>]*>Karim Benali<");
        assertThat(page).doesNotContain(">" + DEV + "<");
    }

    @Test
    void aDeveloperAssignsATicketToThemselvesFromItsPage() {
        DeskClient dev = DeskClient.browserLogin(port, DEV, DEV_PASSWORD);
        String page = dev.get("/tickets/" + free).body();
        Matcher form = Pattern.compile("action=\"/tickets/" + free + "/assign-to-me\"[^>]*>\\s*(?:<input[^>]*>\\s*)*?"
                + "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(form.find()).as("an assign-to-me form on the ticket page").isTrue();
        assertThat(dev.get("/tickets/" + assigned).body()).as("not on one's own ticket")
                .doesNotContain("/tickets/" + assigned + "/assign-to-me");

        DeskClient.Response done = dev.form("/tickets/" + free + "/assign-to-me", "version=" + form.group(1)
                + "&back=" + enc("/tickets/" + free) + "&_csrf=" + enc(dev.csrfFrom("/tickets/" + free)));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/tickets/" + free);
        assertThat(dev.get("/tickets/" + free).body()).contains("Le ticket n° " + free + " vous est attribué.")
                .doesNotContain("/tickets/" + free + "/assign-to-me");
        assertThat(jdbc.sql("SELECT assignee FROM tickets WHERE number = ?").param(free).query(String.class).single())
                .isEqualTo(DEV);

        DeskClient reporter = DeskClient.browserLogin(port, "pnames-rep", "pw-pnames-rep-0123456789");
        assertThat(reporter.get("/tickets/" + assigned).body()).doesNotContain("assign-to-me");
    }

    @Test
    void aBackAddressOutsideTheDeskIsIgnored() {
        DeskClient dev = DeskClient.browserLogin(port, DEV, DEV_PASSWORD);
        DeskClient.Response answer = dev.form("/tickets/" + assigned + "/assign-to-me", "version=1"
                + "&back=" + enc("https://example.org/tickets/" + assigned) + "&_csrf=" + enc(dev.csrfFrom("/tickets")));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/tickets").doesNotContain("example.org");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
