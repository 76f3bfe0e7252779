package dev.maintenancedesk.tickets;

import java.time.Instant;

/** A link was removed from a ticket. */
public record TicketUnlinked(long number, TicketLink link, String actor, Instant at) {}
