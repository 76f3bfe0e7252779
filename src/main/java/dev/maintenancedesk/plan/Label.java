package dev.maintenancedesk.plan;

/** A ticket label the plan names (lower case, e.g. {@code bug}). */
public record Label(String name, Localized description) {}
