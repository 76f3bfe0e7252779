package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;

/** Filters of a ticket list; a null field does not filter. {@code text} matches the title. */
public record TicketFilter(TicketState state, Priority priority, TicketType type, String label,
        String assignee, String team, String text) {

    public static TicketFilter none() {
        return new TicketFilter(null, null, null, null, null, null, null);
    }
}
