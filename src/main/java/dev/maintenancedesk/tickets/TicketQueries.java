package dev.maintenancedesk.tickets;

/** Read side of the tickets module, for the UI and other modules. */
public interface TicketQueries {

    /** Newest first; {@code after} is the number the previous page ended with, or null. */
    TicketPage list(TicketFilter filter, Long after, int limit);

    /** Newest first after the cursor a client sent back ({@code nextAfter}); anything else is a 400. */
    TicketPage listNewest(TicketFilter filter, String after, int limit);

    /**
     * Most urgent first: by the earliest deadline of the ticket's counting SLA clocks, tickets with
     * nothing due last (newest first among them). {@code after} is the previous page's
     * {@code nextCursor}, or null.
     */
    TicketPage listByDue(TicketFilter filter, String after, int limit);
}
