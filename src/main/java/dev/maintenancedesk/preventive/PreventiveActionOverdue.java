package dev.maintenancedesk.preventive;

import java.time.Instant;

/** A preventive ticket is still open at its due date: the action is overdue. Published once per period. */
public record PreventiveActionOverdue(String actionKey, String period, long ticketNumber, Instant dueAt, Instant at) {
}
