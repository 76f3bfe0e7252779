package dev.maintenancedesk.postmortem;

import java.time.OffsetDateTime;

/**
 * One line of an incident's chronology, in the team's zone. {@code key} names it for edits: a pre-filled
 * line's source ({@code ticket:<history id>}, {@code sla:<clock>:<kind>:<deadline>}, {@code deploy:<id>}) or
 * {@code line:<id>} for a line the team added. {@code edited}: the team reworded a pre-filled line.
 */
public record ChronologyLine(String key, OffsetDateTime at, Source source, String text, boolean edited) {

    /** Where a line comes from. */
    public enum Source {
        /** The ticket's typed history: creation, states, priority, assignments, links. */
        TICKET,
        /** An SLA alert: at risk or breached. */
        SLA,
        /** A deployment around the incident ({@link Deployments}). */
        DEPLOYMENT,
        /** Written by the team. */
        TEAM
    }

    /** What an edit of the chronology sends: when (ISO or local in the team's zone) and what happened. */
    public record Input(String at, String text) {}
}
