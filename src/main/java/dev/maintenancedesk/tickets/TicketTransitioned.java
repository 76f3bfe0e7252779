package dev.maintenancedesk.tickets;

import java.time.Instant;

/** A ticket moved through the workflow. */
public record TicketTransitioned(long number, TicketState from, TicketState to, String actor, String reason,
        Instant at) {}
