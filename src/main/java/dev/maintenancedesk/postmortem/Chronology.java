package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.postmortem.ChronologyLine.Source;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.TicketAction;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.TicketView.Field;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An incident's chronology: pre-filled from the ticket's typed history (creation, states, priority,
 * assignments, links), its SLA alerts and the deployments around it when a {@link Deployments} bean knows
 * them; then the team's edits on top (lines added, pre-filled lines reworded or removed). Pre-filled lines
 * are computed each time, so a chronology shows what happened after it was first read too.
 */
@Component
class Chronology {

    /** How far before the incident and after its end deployments are looked for. */
    static final Duration DEPLOYMENTS_AROUND = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final MessageSource messages;
    private final ObjectProvider<Deployments> deployments;

    Chronology(JdbcClient jdbc, Tickets tickets, MessageSource messages, ObjectProvider<Deployments> deployments) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.messages = messages;
        this.deployments = deployments;
    }

    /** Each line in time order, in {@code zone}, its words in {@code locale}. */
    List<ChronologyLine> lines(TicketView ticket, Impact impact, ZoneId zone, Locale locale) {
        Map<String, ChronologyLine> prefilled = new java.util.LinkedHashMap<>();
        prefilled(ticket, impact, zone, locale).forEach(l -> prefilled.put(l.key(), l));
        List<ChronologyLine> lines = new ArrayList<>();
        Map<String, Edit> edits = new HashMap<>();
        for (Edit edit : edits(ticket.number())) {
            if (edit.sourceKey() == null) {
                lines.add(new ChronologyLine("line:" + edit.id(), edit.at().atZone(zone).toOffsetDateTime(), Source.TEAM,
                        edit.body(), false));
            } else {
                edits.put(edit.sourceKey(), edit);
            }
        }
        for (ChronologyLine line : prefilled.values()) {
            Edit edit = edits.get(line.key());
            if (edit == null) {
                lines.add(line);
            } else if (!edit.hidden()) {
                lines.add(new ChronologyLine(line.key(), edit.at().atZone(zone).toOffsetDateTime(), line.source(),
                        edit.body(), true));
            }
        }
        lines.sort(Comparator.comparing((ChronologyLine l) -> l.at().toInstant()));
        return List.copyOf(lines);
    }

    /** The pre-filled line with that key, if there is one now. */
    ChronologyLine prefilled(TicketView ticket, Impact impact, String key, ZoneId zone, Locale locale) {
        return prefilled(ticket, impact, zone, locale).stream().filter(l -> l.key().equals(key)).findFirst().orElse(null);
    }

    /** Whether the team has added or reworded a line (a removal alone is not a chronology written). */
    boolean written(long number) {
        return jdbc.sql("SELECT COUNT(*) FROM postmortem_timeline WHERE ticket_number = ? AND NOT hidden").param(number)
                .query(Long.class).single() > 0;
    }

    record Edit(long id, String sourceKey, Source source, Instant at, String body, boolean hidden) {}

    List<Edit> edits(long number) {
        return jdbc.sql("SELECT id, source_key, source, happened_at, body, hidden FROM postmortem_timeline "
                        + "WHERE ticket_number = ? ORDER BY id").param(number)
                .query((rs, i) -> new Edit(rs.getLong(1), rs.getString(2), Source.valueOf(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getBoolean(6))).list();
    }

    private List<ChronologyLine> prefilled(TicketView ticket, Impact impact, ZoneId zone, Locale locale) {
        List<ChronologyLine> lines = new ArrayList<>();
        for (HistoryEntry e : tickets.history(ticket.number())) {
            String text = describe(e, locale);
            if (text != null) {
                lines.add(new ChronologyLine("ticket:" + e.id(), e.at().toInstant().atZone(zone).toOffsetDateTime(),
                        Source.TICKET, text, false));
            }
        }
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        jdbc.sql("SELECT clock, kind, deadline, raised_at FROM postmortem_sla_events WHERE ticket_number = ?")
                .param(ticket.number()).query(rs -> {
                    String clock = rs.getString(1);
                    String kind = rs.getString(2);
                    Instant deadline = rs.getObject(3, OffsetDateTime.class).toInstant();
                    Instant raised = rs.getObject(4, OffsetDateTime.class).toInstant();
                    // A breach happened at its deadline; an at-risk alert when it was raised.
                    Instant at = kind.equals("BREACHED") ? deadline : raised;
                    String clockName = text(locale, "postmortem.line.clock." + clock);
                    lines.add(new ChronologyLine("sla:" + clock + ":" + kind + ":" + deadline.getEpochSecond(),
                            at.atZone(zone).toOffsetDateTime(), Source.SLA, text(locale, "postmortem.line.sla." + kind,
                                    clockName, deadline.atZone(zone).format(hour)), false));
                });
        Deployments known = deployments.getIfAvailable();
        if (known != null) {
            Instant from = (impact.startedAt() != null ? impact.startedAt().toInstant() : ticket.createdAt().toInstant())
                    .minus(DEPLOYMENTS_AROUND);
            Instant to = (impact.endedAt() != null ? impact.endedAt().toInstant() : ticket.updatedAt().toInstant())
                    .plus(DEPLOYMENTS_AROUND);
            for (Deployments.Deployment d : known.between(from, to)) {
                lines.add(new ChronologyLine("deploy:" + d.id(), d.at().atZone(zone).toOffsetDateTime(), Source.DEPLOYMENT,
                        text(locale, "postmortem.line.deployment", d.what()), false));
            }
        }
        return lines;
    }

    /** A history entry in words, or null when it is not part of a chronology (edits of texts, comments). */
    private String describe(HistoryEntry e, Locale locale) {
        TicketAction action = e.action();
        if (action == TicketAction.CREATED) {
            return text(locale, "postmortem.line.created", e.actor());
        }
        if (e.isTransition()) {
            String to = text(locale, "state." + e.after());
            return e.reason() == null || e.reason().isBlank()
                    ? text(locale, "postmortem.line.state", text(locale, "state." + e.before()), to, e.actor())
                    : text(locale, "postmortem.line.stateReason", text(locale, "state." + e.before()), to, e.actor(),
                            e.reason());
        }
        Field field = e.field();
        if (action == TicketAction.UPDATED && field == Field.PRIORITY && e.after() != null) {
            return e.before() == null ? text(locale, "postmortem.line.prioritySet", e.after(), e.actor())
                    : text(locale, "postmortem.line.priority", e.before(), e.after(), e.actor());
        }
        if (action == TicketAction.UPDATED && field == Field.ASSIGNEE) {
            return e.after() == null ? text(locale, "postmortem.line.unassigned", e.actor())
                    : text(locale, "postmortem.line.assigned", e.after(), e.actor());
        }
        if (action == TicketAction.LINKED && e.linkAfter() != null) {
            TicketLink link = e.linkAfter();
            if (link.kind() == LinkKind.PULL_REQUEST && link.isMergedPullRequest()
                    && (e.linkBefore() == null || !e.linkBefore().isMergedPullRequest())) {
                return text(locale, e.linkBefore() == null ? "postmortem.line.pullMergedLinked" : "postmortem.line.pullMerged",
                        link.target(), e.actor());
            }
            return text(locale, "postmortem.line.linked", text(locale, "link." + link.kind()), link.target(), e.actor());
        }
        if (action == TicketAction.UNLINKED && e.linkBefore() != null) {
            return text(locale, "postmortem.line.unlinked", text(locale, "link." + e.linkBefore().kind()),
                    e.linkBefore().target(), e.actor());
        }
        return null;
    }

    private String text(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
