package dev.maintenancedesk.postmortem;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The post-mortem of a ticket: the plan's sections in order, each with its text (empty when not written
 * yet). It is complete when every section has text.
 */
public record Postmortem(long ticket, boolean required, boolean complete, List<Section> sections,
        String updatedBy, OffsetDateTime updatedAt) {

    public record Section(String key, String title, String text) {}
}
