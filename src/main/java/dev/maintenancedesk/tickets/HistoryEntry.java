package dev.maintenancedesk.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;
import java.time.OffsetDateTime;

/**
 * One append-only change of a ticket: who, when, what, before and after. A link change carries the
 * links themselves ({@code linkBefore}, {@code linkAfter}) rather than text to parse.
 */
public record HistoryEntry(long id, OffsetDateTime at, String actor, TicketAction action, Field field,
        String before, String after, String reason, TicketLink linkBefore, TicketLink linkAfter) {

    /** A state change through the workflow (not an edit). */
    public boolean isTransition() {
        return action == TicketAction.TRANSITIONED && field == Field.STATE;
    }

    /** A priority set or changed, at creation or later. */
    public boolean isPriorityChange() {
        return field == Field.PRIORITY && after != null;
    }
}
