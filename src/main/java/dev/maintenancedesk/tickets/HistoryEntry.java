package dev.maintenancedesk.tickets;

import java.time.OffsetDateTime;

/** One append-only change of a ticket: who, when, what, before and after. */
public record HistoryEntry(long id, OffsetDateTime at, String actor, String action, String field,
        String before, String after, String reason) {}
