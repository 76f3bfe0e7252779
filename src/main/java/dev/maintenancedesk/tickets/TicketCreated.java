package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.time.Instant;

/** A ticket was opened. */
public record TicketCreated(long number, TicketType type, Priority priority, String reporter, Instant at) {}
