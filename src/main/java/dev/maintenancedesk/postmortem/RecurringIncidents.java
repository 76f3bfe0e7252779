package dev.maintenancedesk.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * Incidents flagged recurring: linked to a root cause whose corrective tickets were all closed before
 * the incident started (the plan's KPI "incidents récurrents (même cause) = 0 après action corrective").
 */
public interface RecurringIncidents {

    /** The recurring incidents that started in [{@code from}, {@code to}). */
    List<Recurrence> startedBetween(Instant from, Instant to);

    record Recurrence(long ticketNumber, long causeId, String causeTitle, Instant startedAt) {
    }
}
