package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.util.List;
import java.util.Map;

/**
 * What it takes to open a ticket. With a {@code template}, the template's fields are required as
 * {@code fields} and become sections of the description; type, priority and labels default from it.
 */
public record NewTicket(
        String title,
        String description,
        TicketType type,
        Priority priority,
        List<String> labels,
        String assignee,
        String team,
        String component,
        String template,
        Map<String, String> fields) {}
