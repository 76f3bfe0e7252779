package dev.maintenancedesk.preventive;

import java.time.Instant;

/**
 * A preventive ticket is still open past the plan's at-risk share (75 % by default) of the time between its
 * period's start and its due date. Published once per period.
 */
public record PreventiveActionAtRisk(String actionKey, String period, long ticketNumber, Instant dueAt, Instant at) {
}
