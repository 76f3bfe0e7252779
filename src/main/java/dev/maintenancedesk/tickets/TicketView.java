package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket as the API and the UI show it. {@code waitingFrom} is the state a WAITING ticket returns to. */
public record TicketView(long number, String title, String description, TicketType type, Priority priority,
        List<String> labels, TicketState state, TicketState waitingFrom, String reporter, String assignee,
        String team, String component, String template, String testEvidence, String releaseNote,
        boolean apiImpact, boolean docsUpdated, boolean changelogUpdated, String validatedBy,
        List<TicketLink> links, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
