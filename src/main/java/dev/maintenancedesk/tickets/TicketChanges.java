package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial edit: a null field is left as it is; an empty string clears assignee, team or component.
 * {@code version} is the one the client read: a stale one is refused rather than overwritten.
 */
public record TicketChanges(
        @NotNull Integer version,
        @Size(max = Ticket.TITLE_MAX) String title,
        String description,
        TicketType type,
        Priority priority,
        @Size(max = 20) List<String> labels,
        @Size(max = 64) String assignee,
        @Size(max = 64) String team,
        @Size(max = 100) String component,
        @Size(max = 4000) String testEvidence,
        @Size(max = 500) String releaseNote,
        Boolean apiImpact,
        Boolean docsUpdated,
        Boolean changelogUpdated) {}
