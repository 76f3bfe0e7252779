package dev.maintenancedesk.tickets;

import java.time.Instant;
import java.util.List;

/** What a ticket's SLA clocks are computed from: when it was opened, its team, and its history. */
public record TicketHistory(long number, Instant createdAt, String team, List<HistoryEntry> entries) {}
