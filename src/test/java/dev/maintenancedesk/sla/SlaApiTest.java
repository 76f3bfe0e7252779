package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ticket JSON carries both clocks under {@code sla}. */
@DeskTest
class SlaApiTest {

    @LocalServerPort
    int port;

    @Test
    void theTicketCarriesBothClocks() {
        DeskClient admin = DeskClient.admin(port);
        JsonNode created = admin.post("/api/v1/tickets", "{\"title\":\"Panne\",\"priority\":\"P1\"}").json();
        JsonNode sla = created.get("sla");
        assertThat(sla.get("priority").asString()).isEqualTo("P1");
        assertThat(sla.get("takeCharge").get("kind").asString()).isEqualTo("TAKE_CHARGE");
        assertThat(sla.get("takeCharge").get("target").asString()).isEqualTo("1h");
        assertThat(sla.get("resolution").get("target").asString()).isEqualTo("3h");
        assertThat(sla.get("resolution").get("deadline").asString()).matches(".*[+-]\\d\\d:\\d\\d");
        long n = created.get("number").asLong();
        JsonNode fetched = admin.get("/api/v1/tickets/" + n).json();
        assertThat(fetched.get("sla").get("takeCharge").get("deadline").asString())
                .isEqualTo(sla.get("takeCharge").get("deadline").asString());
        assertThat(fetched.get("number").asLong()).isEqualTo(n);
        assertThat(fetched.get("title").asString()).isEqualTo("Panne");
    }
}
