package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.time.OffsetDateTime;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket as the API and the UI show it ({@code waitingFrom} is the state a WAITING ticket returns to),
 * with the names of its fields ({@link Field}) and the edit a client may send ({@link Changes}): the
 * tickets module's whole published vocabulary of a ticket, in one place.
 */
public record TicketView(long number, String title, String description, TicketType type, Priority priority,
        List<String> labels, TicketState state, TicketState waitingFrom, String reporter, String assignee,
        String team, String component, String template, String testEvidence, String releaseNote,
        boolean apiImpact, boolean docsUpdated, boolean changelogUpdated, String validatedBy,
        List<TicketLink> links, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /**
     * What a history entry is about: a ticket field, its state, its links or a comment. The JSON name is
     * the API's field name; the database stores the constant's name, so renaming a Java field cannot
     * silently detach its history (the SLA clocks read PRIORITY and STATE entries).
     */
    public enum Field {
        TITLE("title", true),
        DESCRIPTION("description", true),
        TYPE("type", false),
        PRIORITY("priority", false),
        LABELS("labels", true),
        ASSIGNEE("assignee", false),
        TEAM("team", false),
        COMPONENT("component", false),
        TEST_EVIDENCE("testEvidence", false),
        RELEASE_NOTE("releaseNote", false),
        API_IMPACT("apiImpact", false),
        DOCS_UPDATED("docsUpdated", false),
        CHANGELOG_UPDATED("changelogUpdated", false),
        STATE("state", false),
        LINKS("links", false),
        COMMENT("comment", false),
        POSTMORTEM("postmortem", false);

        private final String key;
        private final boolean reporterMayEdit;

        Field(String key, boolean reporterMayEdit) {
            this.key = key;
            this.reporterMayEdit = reporterMayEdit;
        }

        /** The field's name in the API's JSON and in the forms. */
        @JsonValue
        public String key() {
            return key;
        }

        /** Whether the reporter of a ticket (below DEVELOPER) may change this field of their own ticket. */
        public boolean reporterMayEdit() {
            return reporterMayEdit;
        }

        /** Long texts are not repeated in the history timeline, only said to have changed. */
        public boolean longText() {
            return this == DESCRIPTION || this == TEST_EVIDENCE || this == COMMENT || this == POSTMORTEM;
        }

        public static Optional<Field> ofKey(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }
    }

    /**
     * A partial edit, as the API's PATCH body and the ticket page's form both send it: a null field is left
     * as it is; an empty string clears assignee, team or component. {@code version} is the one the client
     * read: a stale one is refused rather than overwritten. The rules of each field live in the aggregate.
     */
    public record Changes(
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

        /** An edit that only names the assignee (e.g. "assign to me"), on the version the client read. */
        public static Changes assignee(Integer version, String assignee) {
            return new Changes(version, null, null, null, null, null, assignee, null, null, null, null, null, null,
                    null);
        }

        /** The fields this edit sends a value for (a component is named as its field). */
        public Set<Field> fields() {
            EnumSet<Field> sent = EnumSet.noneOf(Field.class);
            for (RecordComponent component : Changes.class.getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(this);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (value != null) {
                    Field.ofKey(component.getName()).ifPresent(sent::add);
                }
            }
            return sent;
        }
    }
}
