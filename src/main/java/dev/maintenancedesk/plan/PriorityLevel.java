package dev.maintenancedesk.plan;

/** A priority with its short name ("critique") and its definition from the SLA table. */
public record PriorityLevel(Priority key, Localized name, Localized definition) {}
