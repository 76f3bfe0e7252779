package dev.maintenancedesk.tickets;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API's work-queue filters: several states, unassigned, reporter (and {@code me}). */
@DeskTest
class TicketQueuesApiTest {

    @LocalServerPort
    int port;

    @Test
    void severalStatesUnassignedAndReporterFilterTheList() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient reporter = DeskClient.newUser(port, "qapi-rep", "REPORTER");
        DeskClient dev = DeskClient.newUser(port, "qapi-dev", "DEVELOPER");
        long reported = number(reporter.post("/api/v1/tickets", "{\"title\":\"Q signalé\",\"labels\":[\"qapi\"]}"));
        long assigned = number(admin.post("/api/v1/tickets",
                "{\"title\":\"Q attribué\",\"labels\":[\"qapi\"],\"assignee\":\"qapi-dev\"}"));
        long rejected = number(admin.post("/api/v1/tickets", "{\"title\":\"Q rejeté\",\"labels\":[\"qapi\"]}"));
        Response move = admin.post("/api/v1/tickets/" + rejected + "/transitions",
                "{\"to\":\"REJECTED\",\"reason\":\"doublon\"}");
        assertThat(move.status()).as(move.toString()).isEqualTo(200);

        assertThat(numbers(admin, "label=qapi")).containsExactly(rejected, assigned, reported);
        assertThat(numbers(admin, "label=qapi&state=NEW")).containsExactly(assigned, reported);
        assertThat(numbers(admin, "label=qapi&state=NEW&state=REJECTED")).containsExactly(rejected, assigned, reported);
        assertThat(numbers(admin, "label=qapi&state=REJECTED&state=CLOSED")).containsExactly(rejected);
        assertThat(numbers(admin, "label=qapi&unassigned=true")).containsExactly(rejected, reported);
        assertThat(numbers(admin, "label=qapi&unassigned=true&state=NEW")).containsExactly(reported);
        assertThat(numbers(admin, "label=qapi&reporter=qapi-rep")).containsExactly(reported);
        assertThat(numbers(reporter, "label=qapi&reporter=me")).containsExactly(reported);
        assertThat(numbers(dev, "label=qapi&assignee=me")).containsExactly(assigned);
        assertThat(numbers(admin, "label=qapi&reporter=me")).containsExactly(rejected, assigned);
    }

    @Test
    void contradictoryOrUnknownFiltersAreBadRequests() {
        DeskClient admin = DeskClient.admin(port);
        Response both = admin.get("/api/v1/tickets?unassigned=true&assignee=bob");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).contains("application/problem+json");
        assertThat(admin.get("/api/v1/tickets?state=NEW&state=NOPE").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/tickets?unassigned=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/tickets?reporter=a&reporter=b").status()).isEqualTo(400);
    }

    private static long number(Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }

    private static List<Long> numbers(DeskClient client, String query) {
        Response page = client.get("/api/v1/tickets?" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> numbers = new ArrayList<>();
        page.json().get("items").forEach(t -> numbers.add(t.get("number").asLong()));
        return numbers;
    }
}
