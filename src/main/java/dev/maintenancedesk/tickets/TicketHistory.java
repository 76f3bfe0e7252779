package dev.maintenancedesk.tickets;

import java.time.Instant;
import java.util.List;

/**
 * What a ticket's SLA clocks are computed from: when it was opened, its team, and its history; with the
 * ticket's version and stored due instant, which a rebuild of the clocks checks against.
 */
public record TicketHistory(long number, Instant createdAt, String team, List<HistoryEntry> entries, int version,
        Instant dueAt) {

    public TicketHistory(long number, Instant createdAt, String team, List<HistoryEntry> entries) {
        this(number, createdAt, team, entries, 0, null);
    }
}
