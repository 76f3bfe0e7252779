package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.time.Instant;
import java.util.List;

/**
 * One row of a ticket list; {@code dueAt} is the earliest deadline of its counting SLA clocks, if any;
 * {@code waitingFrom} the state a WAITING ticket returns to; {@code version} the one an edit must name.
 */
public record TicketSummary(long number, String title, TicketType type, Priority priority, TicketState state,
        List<String> labels, String reporter, String assignee, Instant createdAt, Instant dueAt,
        TicketState waitingFrom, int version) {

    public TicketSummary(long number, String title, TicketType type, Priority priority, TicketState state,
            List<String> labels, String reporter, String assignee, Instant createdAt) {
        this(number, title, type, priority, state, labels, reporter, assignee, createdAt, null, null, 0);
    }

    public TicketSummary(long number, String title, TicketType type, Priority priority, TicketState state,
            List<String> labels, String reporter, String assignee, Instant createdAt, Instant dueAt,
            TicketState waitingFrom) {
        this(number, title, type, priority, state, labels, reporter, assignee, createdAt, dueAt, waitingFrom, 0);
    }
}
