package dev.maintenancedesk.postmortem;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketState;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A long-term fix: a ticket opened from a post-mortem, with its owner (the ticket's assignee), due date
 * and progress (its state), against one root cause of the incident or none. {@code closedAt}: when it
 * was last closed, null while it is not closed.
 */
public record CorrectiveAction(long ticket, long incident, Long causeId, String title, TicketType type,
        TicketState state, String owner, LocalDate dueOn, boolean overdue, OffsetDateTime closedAt) {

    @JsonProperty("closed")
    public boolean closed() {
        return state == TicketState.CLOSED;
    }

    /** What creating a fix ticket sends; {@code type} CORRECTIVE (default) or PREVENTIVE. */
    public record Input(String title, String type, String owner, String dueOn, String causeId, String priority) {}
}
