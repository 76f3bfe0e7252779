package dev.maintenancedesk.plan;

/** A field of a ticket template; its value becomes a section of the ticket's description. */
public record TemplateField(String key, Localized label, boolean required, int maxLength) {}
