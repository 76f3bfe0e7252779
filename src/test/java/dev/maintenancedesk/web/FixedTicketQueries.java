package dev.maintenancedesk.web;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketQueries;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Test-only rows for checking how the home page renders, never a stand-in for the tickets module: two
 * tickets on one page, filtered on state, priority and assignee as the home page asks.
 */
final class FixedTicketQueries implements TicketQueries {

    static final TicketSummary SECURITY_INCIDENT = new TicketSummary(12, "Login <script>alert(1)</script> fails",
            TicketType.CORRECTIVE, Priority.P1, TicketState.IN_PROGRESS, List.of("bug", "security"), "alice", "bob",
            Instant.parse("2026-03-10T15:30:00Z"));
    static final TicketSummary UNTRIAGED = new TicketSummary(11, "Export CSV des journaux", null, null,
            TicketState.NEW, List.of(), "carol", "bob", Instant.parse("2026-07-01T07:05:00Z"));

    @Override
    public TicketPage list(TicketFilter filter, Long after, int limit) {
        if (after != null) {
            return new TicketPage(List.of(), null);
        }
        return new TicketPage(List.of(SECURITY_INCIDENT, UNTRIAGED).stream()
                .filter(t -> filter.state() == null || filter.state() == t.state())
                .filter(t -> filter.priority() == null || filter.priority() == t.priority())
                .filter(t -> filter.assignee() == null || Objects.equals(filter.assignee(), t.assignee()))
                .toList(), null);
    }

    @Override
    public TicketPage listByDue(TicketFilter filter, String after, int limit) {
        return list(filter, after == null ? null : 11L, limit);
    }
}
