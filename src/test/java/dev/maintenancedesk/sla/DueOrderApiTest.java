package dev.maintenancedesk.sla;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Lists ordered by SLA deadline: the earliest deadline first (newest first among equal ones), tickets with
 * nothing due last, keyset paged.
 */
@DeskTest
class DueOrderApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMostUrgentComeFirstAndPagingWalksEachOnce() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        long p3 = create(admin, "P3");
        long none = create(admin, null);
        long p1 = create(admin, "P1");
        long p2 = create(admin, "P2");
        long p4 = create(admin, "P4");
        // The sla module records due dates after the events, asynchronously: wait for them (a hang guard,
        // not a speed check), then assert what was recorded.
        for (int i = 0; i < 600 && dueRecorded(p1, p2, p3, p4) < 4; i++) {
            Thread.sleep(50);
        }
        assertThat(dueRecorded(p1, p2, p3, p4)).as("due dates recorded by the sla module").isEqualTo(4);
        assertThat(dueRecorded(none)).as("nothing due without a priority").isZero();

        List<Long> order = new ArrayList<>();
        String next = "/api/v1/tickets?order=due&label=due-order&limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = admin.get(next).json();
            page.get("items").forEach(t -> order.add(t.get("number").asLong()));
            pages++;
            JsonNode cursor = page.get("nextCursor");
            next = cursor == null || cursor.isNull() ? null
                    : "/api/v1/tickets?order=due&label=due-order&limit=2&after=" + cursor.asString();
        }
        assertThat(pages).isEqualTo(3);
        // P1, P2 and P3 deadlines follow their targets whenever the tickets are opened; P4's is the next release
        // window, which can come before P3's (e.g. on an evening before a release day): its place is its deadline's.
        assertThat(due(p1)).isBefore(due(p2));
        assertThat(due(p2)).isBefore(due(p3));
        List<Long> byDeadline = new ArrayList<>(List.of(p1, p2, p3, p4));
        byDeadline.sort(java.util.Comparator.comparing(this::due).thenComparing(java.util.Comparator.reverseOrder()));
        byDeadline.add(none);
        assertThat(order).containsExactlyElementsOf(byDeadline);

        DeskClient.Response badCursor = admin.get("/api/v1/tickets?order=due&after=yesterday");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("field").asString()).isEqualTo("after");
        DeskClient.Response badOrder = admin.get("/api/v1/tickets?order=random");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.json().get("field").asString()).isEqualTo("order");
        DeskClient.Response badAfter = admin.get("/api/v1/tickets?after=abc");
        assertThat(badAfter.status()).isEqualTo(400);
        assertThat(badAfter.json().get("field").asString()).isEqualTo("after");
    }

    private static long create(DeskClient admin, String priority) {
        String body = priority == null ? "{\"title\":\"due order\",\"labels\":[\"due-order\"]}"
                : json("{\"title\":\"due order\",\"labels\":[\"due-order\"],\"priority\":%s}", priority);
        return admin.post("/api/v1/tickets", body).json().get("number").asLong();
    }

    private java.time.Instant due(long number) {
        return jdbc.sql("SELECT due_at FROM tickets WHERE number = ?").param(number).query(java.time.Instant.class).single();
    }

    private long dueRecorded(long... numbers) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE due_at IS NOT NULL AND number IN (:numbers)")
                .param("numbers", java.util.Arrays.stream(numbers).boxed().toList()).query(Long.class).single();
    }
}
