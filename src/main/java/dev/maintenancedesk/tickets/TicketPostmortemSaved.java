package dev.maintenancedesk.tickets;

import java.time.Instant;

/** The post-mortem of a ticket was saved by {@code actor}. */
public record TicketPostmortemSaved(long number, String actor, Instant at) {}
