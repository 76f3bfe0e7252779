package dev.maintenancedesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a history entry is about: a ticket field, its state, its links or a comment. The JSON name is
 * the API's field name; the database stores the constant's name, so renaming a Java field cannot
 * silently detach its history (the SLA clocks read PRIORITY and STATE entries).
 */
public enum TicketField {
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
    COMMENT("comment", false);

    private final String key;
    private final boolean reporterMayEdit;

    TicketField(String key, boolean reporterMayEdit) {
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
        return this == DESCRIPTION || this == TEST_EVIDENCE || this == COMMENT;
    }

    public static Optional<TicketField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
