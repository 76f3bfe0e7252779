package dev.maintenancedesk.postmortem;

import java.time.Instant;

/**
 * An incident was linked to a root cause whose corrective tickets were all closed before it started:
 * the cause came back. Published once per incident and cause.
 */
public record RecurrenceDetected(long ticket, String ticketTitle, long causeId, String causeTitle,
        Instant startedAt, Instant at) {}
