package dev.maintenancedesk.tickets;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Filters and keyset pagination of the ticket list, and creation from the plan's templates. */
@DeskTest
class TicketListApiTest {

    @LocalServerPort
    int port;

    @Test
    void keysetPagesWalkEveryMatchingTicketOnceNewestFirst() {
        DeskClient admin = DeskClient.admin(port);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(admin.post("/api/v1/tickets", json("{\"title\":%s,\"labels\":[\"paging-x\"],\"priority\":%s}",
                    "Paging " + i, i % 2 == 0 ? "P3" : "P4")).json().get("number").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String next = "/api/v1/tickets?label=paging-x&limit=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = admin.get(next).json();
            page.get("items").forEach(t -> seen.add(t.get("number").asLong()));
            pages++;
            JsonNode after = page.get("nextAfter");
            next = after == null || after.isNull() ? null : "/api/v1/tickets?label=paging-x&limit=3&after=" + after.asLong();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created.reversed());

        JsonNode p3 = admin.get("/api/v1/tickets?label=paging-x&priority=P3").json().get("items");
        assertThat(p3.size()).isEqualTo(4);
        p3.forEach(t -> assertThat(t.get("priority").asString()).isEqualTo("P3"));
        assertThat(admin.get("/api/v1/tickets?label=paging-x&text=PAGING%206").json().get("items").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/tickets?label=paging-x&state=CLOSED").json().get("items").size()).isZero();
        assertThat(admin.get("/api/v1/tickets?label=paging-x&state=NEW&type=EVOLUTIVE").json().get("items").size()).isZero();
        assertThat(admin.get("/api/v1/tickets?text=100%25").json().get("items").size()).isZero();
    }

    @Test
    void templatesRequireTheirFieldsAndBuildTheDescription() {
        DeskClient admin = DeskClient.admin(port);
        JsonNode templates = admin.get("/api/v1/templates").json();
        List<String> keys = new ArrayList<>();
        templates.forEach(t -> keys.add(t.get("key").asString()));
        assertThat(keys).contains("bug_report", "incident", "feature_request", "security_report");

        JsonNode incident = null;
        for (JsonNode t : templates) {
            if (t.get("key").asString().equals("incident")) {
                incident = t;
            }
        }
        List<String> required = new ArrayList<>();
        incident.get("fields").forEach(f -> {
            if (f.get("required").asBoolean()) {
                required.add(f.get("key").asString());
            }
        });
        assertThat(required).isNotEmpty();

        Response missing = admin.post("/api/v1/tickets", "{\"title\":\"API down\",\"template\":\"incident\",\"fields\":{}}");
        assertThat(missing.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        missing.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrderElementsOf(required.stream().map(k -> "fields." + k).toList());

        Map<String, String> values = new java.util.LinkedHashMap<>();
        required.forEach(k -> values.put(k, "value of " + k));
        String body = "{\"title\":\"API down\",\"template\":\"incident\",\"fields\":" + tools.jackson.databind.json.JsonMapper
                .builder().build().writeValueAsString(values) + "}";
        Response created = admin.post("/api/v1/tickets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("template").asString()).isEqualTo("incident");
        assertThat(created.json().get("type").asString()).isEqualTo(incident.get("type").asString());
        required.forEach(k -> assertThat(created.json().get("description").asString()).contains("value of " + k));
        assertThat(created.json().get("description").asString()).contains("### ");

        Response stray = admin.post("/api/v1/tickets", "{\"title\":\"x\",\"template\":\"incident\",\"fields\":{\"colour\":\"red\"}}");
        assertThat(stray.status()).isEqualTo(400);
        assertThat(stray.body()).contains("fields.colour");
    }
}
