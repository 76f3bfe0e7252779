package dev.maintenancedesk.tickets;

import java.time.Instant;

/** Someone commented on a ticket. */
public record TicketCommented(long number, long commentId, String author, Instant at) {}
