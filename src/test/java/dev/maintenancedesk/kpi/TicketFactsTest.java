package dev.maintenancedesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketAction;
import dev.maintenancedesk.tickets.TicketView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wall-clock resolution time (pauses excluded) and what counts as an incident. */
class TicketFactsTest {

    static final Instant C = Instant.parse("2026-03-10T08:00:00Z");

    static HistoryEntry to(String state, int minutes) {
        return new HistoryEntry(minutes, C.plusSeconds(minutes * 60L).atOffset(ZoneOffset.UTC), "bob",
                TicketAction.TRANSITIONED, TicketView.Field.STATE, null, state, null, null, null);
    }

    @Test
    void wallClockStopsWhileWaitingAndAfterMerge() {
        assertThat(TicketFacts.wallMinutes(C, List.of(), C.plusSeconds(600))).isEqualTo(10);
        List<HistoryEntry> history = List.of(to("TRIAGED", 10), to("WAITING", 30), to("TRIAGED", 90),
                to("MERGED", 120), to("CLOSED", 200));
        // 0–30 counts, 30–90 waits, 90–120 counts: 60 minutes
        assertThat(TicketFacts.wallMinutes(C, history, C.plusSeconds(120 * 60))).isEqualTo(60);
        // reopened after closing: counts again until the next merge
        List<HistoryEntry> reopened = List.of(to("MERGED", 60), to("CLOSED", 70), to("TRIAGED", 100),
                to("MERGED", 130));
        assertThat(TicketFacts.wallMinutes(C, reopened, C.plusSeconds(130 * 60))).isEqualTo(90);
    }

    @Test
    void incidentsAreCorrectiveP1OrP2OrLabelled() {
        assertThat(TicketFacts.isIncident(TicketType.CORRECTIVE, Priority.P1, List.of())).isTrue();
        assertThat(TicketFacts.isIncident(TicketType.CORRECTIVE, Priority.P2, List.of())).isTrue();
        assertThat(TicketFacts.isIncident(TicketType.CORRECTIVE, Priority.P3, List.of())).isFalse();
        assertThat(TicketFacts.isIncident(TicketType.EVOLUTIVE, Priority.P1, List.of())).isFalse();
        assertThat(TicketFacts.isIncident(null, null, List.of("incident"))).isTrue();
    }
}
