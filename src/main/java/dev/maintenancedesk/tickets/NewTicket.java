package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What it takes to open a ticket. With a {@code template}, the template's fields are required as
 * {@code fields} and become sections of the description; type, priority and labels default from it.
 */
public record NewTicket(
        @NotBlank @Size(max = Ticket.TITLE_MAX) String title,
        String description,
        TicketType type,
        Priority priority,
        @Size(max = 20) List<String> labels,
        @Size(max = 64) String assignee,
        @Size(max = 64) String team,
        @Size(max = 100) String component,
        @Size(max = 40) String template,
        Map<String, String> fields) {}
