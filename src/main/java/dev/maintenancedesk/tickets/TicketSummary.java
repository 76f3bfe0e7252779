package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.time.Instant;
import java.util.List;

/** One row of a ticket list. */
public record TicketSummary(long number, String title, TicketType type, Priority priority, TicketState state,
        List<String> labels, String reporter, String assignee, Instant createdAt) {}
