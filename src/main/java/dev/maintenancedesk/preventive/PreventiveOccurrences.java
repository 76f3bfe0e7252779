package dev.maintenancedesk.preventive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the preventive calendar asked for and what was done, for the KPIs and the conformance report. */
public interface PreventiveOccurrences {

    /** Every occurrence whose due date falls in [{@code from}, {@code to}). */
    List<Occurrence> dueBetween(LocalDate from, LocalDate to);

    /** One action for one period; {@code doneAt} is null while its ticket is not closed. */
    record Occurrence(String actionKey, String period, long ticketNumber, Instant dueAt, Instant doneAt) {

        public boolean doneOnTime() {
            return doneAt != null && !doneAt.isAfter(dueAt);
        }
    }
}
