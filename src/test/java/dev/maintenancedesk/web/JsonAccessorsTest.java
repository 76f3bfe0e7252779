package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's JSON reads getters through Blackbird's generated accessors (found on the class path by Spring
 * Boot) and writes exactly what reflection writes: the same text for a list page with every kind of field.
 */
@DeskTest
class JsonAccessorsTest {

    @Autowired
    JsonMapper server;

    @Test
    void theServerWritesThroughBlackbirdAndWritesWhatReflectionWrites() {
        assertThat(server.registeredModules()).extracting(JacksonModule::getModuleName).contains("BlackbirdModule");
        JsonMapper reflective = server.rebuild().removeAllModules()
                .addModules(server.registeredModules().stream().filter(m -> !m.getModuleName().equals("BlackbirdModule")).toList())
                .build();
        assertThat(reflective.registeredModules()).extracting(JacksonModule::getModuleName).doesNotContain("BlackbirdModule");
        TicketPage page = new TicketPage(List.of(
                new TicketSummary(7, "Connexion \"impossible\" — é", TicketType.CORRECTIVE, Priority.P1, TicketState.WAITING,
                        List.of("bug", "sécurité"), "alice", null, Instant.parse("2026-11-30T10:15:30.123Z"),
                        Instant.parse("2026-12-01T09:00:00Z"), TicketState.IN_PROGRESS, 3),
                new TicketSummary(8, "", TicketType.EVOLUTIVE, Priority.P4, TicketState.NEW, List.of(), "bob", "carol",
                        Instant.EPOCH)), 8L);
        String written = server.writeValueAsString(page);
        assertThat(written).isEqualTo(reflective.writeValueAsString(page)).contains("\"waitingFrom\":\"IN_PROGRESS\"");
    }
}
