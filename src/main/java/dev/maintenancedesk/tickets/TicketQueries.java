package dev.maintenancedesk.tickets;

/** Read side of the tickets module, for the UI and other modules. */
public interface TicketQueries {

    /** Newest first; {@code after} is the number the previous page ended with, or null. */
    TicketPage list(TicketFilter filter, Long after, int limit);
}
