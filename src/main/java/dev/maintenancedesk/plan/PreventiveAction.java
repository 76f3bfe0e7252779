package dev.maintenancedesk.plan;

/** A recurring preventive action (section 11); each period opens one ticket. */
public record PreventiveAction(String key, Localized name, Frequency frequency) {}
