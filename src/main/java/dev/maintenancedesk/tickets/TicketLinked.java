package dev.maintenancedesk.tickets;

import java.time.Instant;

/** A link was added to a ticket ({@code before} null) or an existing one changed (its merged flag). */
public record TicketLinked(long number, TicketLink before, TicketLink after, String actor, Instant at) {}
