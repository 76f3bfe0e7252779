package dev.maintenancedesk.postmortem;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The post-mortem of a ticket: the plan's sections in order, each with its text (empty when not written
 * yet), and the structured parts: the impact window, the chronology, the root causes and the long-term
 * fixes. It is complete when {@code missing} is empty: each section has text, or its structured part
 * (timeline: a line the team added or reworded; impact: start and end; root cause: a linked cause;
 * long-term fixes: a fix ticket). {@code recurring}: one of its causes had all its corrective tickets
 * closed before this incident started. {@code zone}: the team's time zone, the one every time is given in.
 */
public record Postmortem(long ticket, String title, String zone, boolean required, boolean complete, List<String> missing,
        List<Section> sections, Impact impact, List<ChronologyLine> chronology, List<LinkedCause> causes,
        List<CorrectiveAction> actions, boolean recurring, String updatedBy, OffsetDateTime updatedAt) {

    public record Section(String key, String title, String text) {}

    /** A root cause of this incident; {@code recurring} when it came back after its corrective actions. */
    public record LinkedCause(long id, String title, CauseCategory category, boolean recurring,
            RootCause.Status status, List<Long> otherIncidents) {}
}
