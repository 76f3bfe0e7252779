package dev.maintenancedesk.sla;

import java.time.Instant;

/** A clock reached 100 % of its target without stopping. Published once per deadline. */
public record SlaBreached(long ticket, ClockKind clock, String priority, String assignee, Instant deadline,
        Instant at) {}
