package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import java.time.Instant;

/** A ticket's priority was set or changed (SLA targets depend on it). */
public record TicketPriorityChanged(long number, Priority before, Priority after, String actor, Instant at) {}
