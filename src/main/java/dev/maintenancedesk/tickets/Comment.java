package dev.maintenancedesk.tickets;

import java.time.OffsetDateTime;

/** A comment on a ticket. */
public record Comment(long id, String author, String body, OffsetDateTime createdAt) {}
