package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A partial edit, as the API's PATCH body and the ticket page's form both send it: a null field is left
 * as it is; an empty string clears assignee, team or component. {@code version} is the one the client
 * read: a stale one is refused rather than overwritten. The rules of each field live in the aggregate.
 */
public record TicketChanges(
        Integer version,
        String title,
        String description,
        TicketType type,
        Priority priority,
        List<String> labels,
        String assignee,
        String team,
        String component,
        String testEvidence,
        String releaseNote,
        Boolean apiImpact,
        Boolean docsUpdated,
        Boolean changelogUpdated) {

    /** The fields this edit sends a value for. */
    public Set<TicketField> fields() {
        EnumSet<TicketField> sent = EnumSet.noneOf(TicketField.class);
        if (title != null) sent.add(TicketField.TITLE);
        if (description != null) sent.add(TicketField.DESCRIPTION);
        if (type != null) sent.add(TicketField.TYPE);
        if (priority != null) sent.add(TicketField.PRIORITY);
        if (labels != null) sent.add(TicketField.LABELS);
        if (assignee != null) sent.add(TicketField.ASSIGNEE);
        if (team != null) sent.add(TicketField.TEAM);
        if (component != null) sent.add(TicketField.COMPONENT);
        if (testEvidence != null) sent.add(TicketField.TEST_EVIDENCE);
        if (releaseNote != null) sent.add(TicketField.RELEASE_NOTE);
        if (apiImpact != null) sent.add(TicketField.API_IMPACT);
        if (docsUpdated != null) sent.add(TicketField.DOCS_UPDATED);
        if (changelogUpdated != null) sent.add(TicketField.CHANGELOG_UPDATED);
        return sent;
    }
}
