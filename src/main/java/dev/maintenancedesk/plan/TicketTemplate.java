package dev.maintenancedesk.plan;

import java.util.List;

/** A creation template (bug report, incident, feature request, security report). */
public record TicketTemplate(String key, Localized name, TicketType type, Priority priority,
        List<String> labels, List<TemplateField> fields) {}
