package dev.maintenancedesk.tickets;

import java.time.Instant;

/** A ticket moved through the workflow; {@code reporter} is who opened it (told of moves made by others). */
public record TicketTransitioned(long number, TicketState from, TicketState to, String actor, String reason,
        Instant at, String reporter) {

    /** Whether someone other than the ticket's reporter moved it. */
    public boolean byOtherThanReporter() {
        return reporter != null && !reporter.equals(actor);
    }
}
