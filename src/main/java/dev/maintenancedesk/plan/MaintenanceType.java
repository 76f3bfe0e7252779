package dev.maintenancedesk.plan;

/** A maintenance type with its name and description. */
public record MaintenanceType(TicketType key, Localized name, Localized description) {}
