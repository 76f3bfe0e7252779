package dev.maintenancedesk.tickets;

import java.time.Instant;
import java.util.List;

/** Fields of a ticket were set or changed (at creation: its initial values). */
public record TicketEdited(long number, List<FieldChange> changes, String actor, Instant at) {

    /** Whether someone was made the ticket's assignee. */
    public boolean assignedSomeone() {
        return changes.stream().anyMatch(c -> c.field() == TicketView.Field.ASSIGNEE && c.after() != null);
    }
}
