package dev.maintenancedesk.sla;

import java.time.Instant;

/** A clock passed the plan's at-risk threshold (75 % of its target by default). Published once. */
public record SlaAtRisk(long ticket, ClockKind clock, String priority, String assignee, Instant deadline,
        Instant at) {}
