package dev.maintenancedesk.tickets;

import java.time.OffsetDateTime;

/**
 * One append-only change of a ticket: who, when, what, before and after. A link change carries the
 * links themselves ({@code linkBefore}, {@code linkAfter}) rather than text to parse.
 */
public record HistoryEntry(long id, OffsetDateTime at, String actor, TicketAction action, TicketField field,
        String before, String after, String reason, TicketLink linkBefore, TicketLink linkAfter) {

    /** A state change through the workflow (not an edit). */
    public boolean isTransition() {
        return action == TicketAction.TRANSITIONED && field == TicketField.STATE;
    }

    /** A priority set or changed, at creation or later. */
    public boolean isPriorityChange() {
        return field == TicketField.PRIORITY && after != null;
    }
}
