package dev.maintenancedesk.preventive;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PreventiveAction;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionGate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan's preventive calendar: opens one PREVENTIVE ticket per action and period that has come due
 * ({@link #run}), raises at-risk and overdue alerts on the tickets still open ({@link #raiseAlerts}),
 * records the evidence of what was done, and answers what was asked and done ({@link PreventiveOccurrences}).
 *
 * <p>Exactly once: each period is claimed by inserting its row under the primary key (action, period) in the
 * transaction that opens its ticket; a second instance (or run) finds the row and opens nothing. Catch-up:
 * after downtime every missed period is opened, each once, with its own due date (so the calendar page and
 * the conformance report show each one, late). An action's calendar starts with the period in progress on
 * the day of its first run (recorded in {@code preventive_actions}), never earlier.
 */
@Service
public class PreventiveCalendar implements PreventiveOccurrences, TransitionGate {

    /** The requirement key closing a preventive ticket without evidence misses. */
    public static final String EVIDENCE_REQUIRED = "preventive.evidence";
    static final int REPORT_MAX = 20_000;
    static final int RESTORE_MINUTES_MAX = 7 * 24 * 60;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Plan plan;
    private final Tickets tickets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final ZoneId zone;

    PreventiveCalendar(Plan plan, Tickets tickets, JdbcClient jdbc, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.plan = plan;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.calendar = BusinessCalendar.of(plan.calendar());
        this.zone = plan.calendar().zone();
    }

    /** What a run did for one period: {@code OPENED} a ticket, or {@code SKIPPED} it (already opened). */
    public record RunLine(Outcome outcome, String actionKey, String period, long ticketNumber, Instant dueAt) {

        public enum Outcome { OPENED, SKIPPED }
    }

    /** The plan calendar's zone, in which periods begin and due dates are said. */
    public ZoneId zone() {
        return zone;
    }

    /** Opens the tickets of every period due on or before today (in the plan's zone). */
    public List<RunLine> run() {
        return run(LocalDate.now(clock.withZone(zone)));
    }

    /**
     * Opens the tickets of every period due on or before {@code asOf}, each once; reports each opened period,
     * and the latest period of every action that was already opened (skipped).
     */
    public List<RunLine> run(LocalDate asOf) {
        List<RunLine> lines = new ArrayList<>();
        for (PreventiveAction action : plan.preventive()) {
            LocalDate started = start(action, asOf);
            LocalDate first = action.latestOnOrBefore(started).orElse(started);
            List<LocalDate> due = action.occurrences(first, asOf);
            Map<String, Long> existing = jdbc.sql("SELECT period, ticket_number FROM preventive_occurrences WHERE action_key = ?")
                    .param(action.key())
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            for (int i = 0; i < due.size(); i++) {
                LocalDate on = due.get(i);
                String period = action.period(on);
                Long number = existing.get(period);
                RunLine line = number == null ? open(action, on, period) : null;
                if (line != null) {
                    lines.add(line);
                } else if (i == due.size() - 1) {
                    lines.add(skipped(action.key(), period));
                }
            }
        }
        return lines;
    }

    private RunLine skipped(String actionKey, String period) {
        return jdbc.sql("SELECT ticket_number, due_at FROM preventive_occurrences WHERE action_key = ? AND period = ?")
                .param(actionKey).param(period)
                .query((rs, n) -> new RunLine(RunLine.Outcome.SKIPPED, actionKey, period, rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single();
    }

    /** When the action's calendar started: recorded by its first run, the day that run was for. */
    private LocalDate start(PreventiveAction action, LocalDate asOf) {
        jdbc.sql("INSERT INTO preventive_actions (action_key, started_on) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .param(action.key()).param(asOf).update();
        return jdbc.sql("SELECT started_on FROM preventive_actions WHERE action_key = ?").param(action.key())
                .query(LocalDate.class).single();
    }

    /** Claims the period and opens its ticket in one transaction; null when another run claimed it first. */
    private RunLine open(PreventiveAction action, LocalDate on, String period) {
        Instant begins = on.atStartOfDay(zone).toInstant();
        Instant dueAt = calendar.add(begins, calendar.standardDay().multipliedBy(action.dueBusinessDays()));
        long span = Duration.between(begins, dueAt).toSeconds();
        Instant atRiskAt = begins.plusSeconds(Math.round(span * plan.sla().atRiskThreshold()));
        Instant now = clock.instant();
        return transactions.execute(tx -> {
            int claimed = jdbc.sql("""
                    INSERT INTO preventive_occurrences (action_key, period, occurs_on, opened_at, due_at, at_risk_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .param(action.key()).param(period).param(on).param(utc(now)).param(utc(dueAt)).param(utc(atRiskAt))
                    .update();
            if (claimed == 0) {
                return null;
            }
            TicketView ticket = tickets.create(new NewTicket(title(action, period), description(action, period, dueAt),
                    TicketType.PREVENTIVE, null, action.labels(), null, null, null, null, null),
                    Actor.automation("desk"));
            jdbc.sql("UPDATE preventive_occurrences SET ticket_number = ? WHERE action_key = ? AND period = ?")
                    .param(ticket.number()).param(action.key()).param(period).update();
            events.publishEvent(new PreventiveTicketOpened(action.key(), period, ticket.number()));
            return new RunLine(RunLine.Outcome.OPENED, action.key(), period, ticket.number(), dueAt);
        });
    }

    private String title(PreventiveAction action, String period) {
        return action.name().in(plan.language()) + " — " + period;
    }

    private String description(PreventiveAction action, String period, Instant dueAt) {
        String lang = plan.language();
        boolean en = "en".equals(lang);
        StringBuilder text = new StringBuilder()
                .append(en ? "Preventive action **" : "Action préventive **").append(action.name().in(lang))
                .append(en ? "**, period " : "**, période ").append(period).append(" (").append(action.rhythm(lang))
                .append(").\n\n")
                .append(en ? "Due: " : "Échéance : ").append(DUE.format(dueAt.atZone(zone)))
                .append(en ? " (" + action.dueBusinessDays() + " business days)." : " (" + action.dueBusinessDays()
                        + " jours ouvrés).")
                .append("\n\n");
        action.checklist().forEach(item -> text.append("- [ ] ").append(item.in(lang)).append('\n'));
        text.append('\n').append(en ? "Record the evidence on the preventive calendar before closing."
                : "Consigner la preuve de réalisation sur le calendrier préventif avant la clôture.");
        if (action.measuresRestoreTime()) {
            text.append(en ? " (verify report and measured restore time)" : " (rapport de vérification et durée de restauration mesurée)");
        }
        return text.toString();
    }

    /** Raises the at-risk and overdue alerts that have come due, each once; returns how many were raised. */
    public int raiseAlerts() {
        Instant now = clock.instant();
        List<Row> candidates = jdbc.sql("""
                SELECT * FROM preventive_occurrences WHERE ticket_number IS NOT NULL AND done_at IS NULL
                AND ((overdue_raised_at IS NULL AND due_at <= ?) OR (at_risk_raised_at IS NULL AND at_risk_at <= ?))
                ORDER BY due_at""").param(utc(now)).param(utc(now)).query(PreventiveCalendar::row).list();
        int raised = 0;
        for (Row r : candidates) {
            TicketState state = tickets.get(r.ticketNumber()).state();
            if (!state.isOpen()) {
                continue;
            }
            boolean overdue = !now.isBefore(r.dueAt());
            Integer count = transactions.execute(tx -> {
                if (overdue) {
                    // past due already: one alert says it all; the at-risk alert is not sent late
                    int n = jdbc.sql("""
                            UPDATE preventive_occurrences SET overdue_raised_at = ?, at_risk_raised_at = COALESCE(at_risk_raised_at, ?)
                            WHERE action_key = ? AND period = ? AND overdue_raised_at IS NULL""")
                            .param(utc(now)).param(utc(now)).param(r.actionKey()).param(r.period()).update();
                    if (n == 1) {
                        events.publishEvent(new PreventiveActionOverdue(r.actionKey(), r.period(), r.ticketNumber(),
                                r.dueAt(), now));
                    }
                    return n;
                }
                int n = jdbc.sql("""
                        UPDATE preventive_occurrences SET at_risk_raised_at = ?
                        WHERE action_key = ? AND period = ? AND at_risk_raised_at IS NULL""")
                        .param(utc(now)).param(r.actionKey()).param(r.period()).update();
                if (n == 1) {
                    events.publishEvent(new PreventiveActionAtRisk(r.actionKey(), r.period(), r.ticketNumber(),
                            r.dueAt(), now));
                }
                return n;
            });
            raised += count == null ? 0 : count;
        }
        return raised;
    }

    /** A ticket of the calendar reached CLOSED (done) or left it (reopened): in the same transaction. */
    @EventListener
    void on(TicketTransitioned event) {
        if (event.to() == TicketState.CLOSED) {
            jdbc.sql("UPDATE preventive_occurrences SET done_at = ? WHERE ticket_number = ? AND done_at IS NULL")
                    .param(utc(event.at())).param(event.number()).update();
        } else if (event.from() == TicketState.CLOSED) {
            jdbc.sql("UPDATE preventive_occurrences SET done_at = NULL WHERE ticket_number = ?")
                    .param(event.number()).update();
        }
    }

    /** Closing a calendar ticket needs its evidence recorded first. */
    @Override
    public List<String> unmet(TicketView ticket, TicketState target) {
        if (target != TicketState.CLOSED || ticket.type() != TicketType.PREVENTIVE) {
            return List.of();
        }
        Long missing = jdbc.sql("""
                SELECT COUNT(*) FROM preventive_occurrences o WHERE o.ticket_number = ?
                AND NOT EXISTS (SELECT 1 FROM preventive_evidence e WHERE e.action_key = o.action_key AND e.period = o.period)""")
                .param(ticket.number()).query(Long.class).single();
        return missing > 0 ? List.of(EVIDENCE_REQUIRED) : List.of();
    }

    /** What was done for one period; the restore time is required for an action that measures it. */
    public Evidence recordEvidence(String actionKey, String period, String report, Integer restoreMinutes, Actor actor) {
        if (!mayRecordEvidence(actor)) {
            throw new Forbidden("evidence-forbidden", "only a developer or above may record preventive evidence");
        }
        PreventiveAction action = action(actionKey);
        Row row = find(actionKey, period).orElseThrow(() -> new NotFound("preventive-period",
                "no preventive ticket for " + actionKey + " " + period, actionKey, period));
        List<FieldError> errors = new ArrayList<>();
        FieldError text = TextRules.problem("report", report, REPORT_MAX);
        if (text != null) {
            errors.add(text);
        } else if (report == null || report.isBlank()) {
            errors.add(FieldError.of("report", "required", "must not be empty"));
        }
        if (action.measuresRestoreTime() && restoreMinutes == null) {
            errors.add(FieldError.of("restoreMinutes", "required", "the measured restore time is required for this action"));
        } else if (restoreMinutes != null && (restoreMinutes < 0 || restoreMinutes > RESTORE_MINUTES_MAX)) {
            errors.add(FieldError.of("restoreMinutes", "preventive-range", "must be between 0 and " + RESTORE_MINUTES_MAX
                    + " minutes", 0, RESTORE_MINUTES_MAX));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Instant now = clock.instant();
        String stripped = report.strip();
        transactions.executeWithoutResult(tx -> {
            // insert or, when there is one (also one inserted meanwhile by a concurrent request), replace
            int inserted = jdbc.sql("""
                    INSERT INTO preventive_evidence (action_key, period, report, restore_minutes, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .param(row.actionKey()).param(row.period()).param(stripped).param(restoreMinutes)
                    .param(actor.username()).param(utc(now)).update();
            if (inserted == 0) {
                jdbc.sql("""
                        UPDATE preventive_evidence SET report = ?, restore_minutes = ?, recorded_by = ?, recorded_at = ?
                        WHERE action_key = ? AND period = ?""")
                        .param(stripped).param(restoreMinutes).param(actor.username()).param(utc(now))
                        .param(row.actionKey()).param(row.period()).update();
            }
        });
        return new Evidence(stripped, restoreMinutes, actor.username(), now);
    }

    /** Whether the actor may record evidence (developers and above: those who do the work). */
    public boolean mayRecordEvidence(Actor actor) {
        return actor.atLeast(Role.DEVELOPER);
    }

    /** The evidence recorded for a period. */
    public record Evidence(String report, Integer restoreMinutes, String recordedBy, Instant recordedAt) {}

    /** A period whose ticket was opened, with its ticket's state now and its evidence. */
    public record Past(PreventiveAction action, String period, LocalDate occursOn, long ticketNumber, TicketState state,
            Instant dueAt, Instant doneAt, Evidence evidence) {

        /** DONE_ON_TIME, DONE_LATE, OPEN (not yet due), OVERDUE (open past its due date), REJECTED. */
        public String status(Instant now) {
            if (doneAt != null) {
                return doneAt.isAfter(dueAt) ? "DONE_LATE" : "DONE_ON_TIME";
            }
            if (state == TicketState.REJECTED) {
                return "REJECTED";
            }
            return now.isBefore(dueAt) ? "OPEN" : "OVERDUE";
        }
    }

    /** A coming occurrence: the day it falls due, its period and the due date its ticket will have. */
    public record Upcoming(PreventiveAction action, LocalDate on, String period, Instant dueAt) {}

    /** Every occurrence in [{@code from}, {@code to}), by date then plan order. */
    public List<Upcoming> upcoming(LocalDate from, LocalDate to) {
        List<Upcoming> all = new ArrayList<>();
        List<PreventiveAction> actions = plan.preventive();
        for (PreventiveAction a : actions) {
            for (LocalDate on : a.occurrences(from, to.minusDays(1))) {
                Instant begins = on.atStartOfDay(zone).toInstant();
                all.add(new Upcoming(a, on, a.period(on),
                        calendar.add(begins, calendar.standardDay().multipliedBy(a.dueBusinessDays()))));
            }
        }
        all.sort(Comparator.comparing(Upcoming::on).thenComparing(u -> actions.indexOf(u.action())));
        return all;
    }

    /** The periods opened so far, newest first (at most {@code limit}). */
    public List<Past> past(int limit) {
        Map<String, PreventiveAction> actions = plan.preventive().stream()
                .collect(Collectors.toMap(PreventiveAction::key, Function.identity()));
        List<Row> rows = jdbc.sql("SELECT * FROM preventive_occurrences WHERE ticket_number IS NOT NULL "
                + "ORDER BY occurs_on DESC, action_key LIMIT ?").param(limit).query(PreventiveCalendar::row).list();
        Map<String, Evidence> evidence = jdbc.sql("SELECT * FROM preventive_evidence")
                .query((rs, n) -> Map.entry(rs.getString("action_key") + " " + rs.getString("period"),
                        new Evidence(rs.getString("report"), (Integer) rs.getObject("restore_minutes"),
                                rs.getString("recorded_by"), instant(rs, "recorded_at")))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return rows.stream().filter(r -> actions.containsKey(r.actionKey()))
                .map(r -> new Past(actions.get(r.actionKey()), r.period(), r.occursOn(), r.ticketNumber(),
                        tickets.get(r.ticketNumber()).state(), r.dueAt(), r.doneAt(),
                        evidence.get(r.actionKey() + " " + r.period())))
                .toList();
    }

    @Override
    public List<Occurrence> dueBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM preventive_occurrences WHERE ticket_number IS NOT NULL AND due_at >= ? AND due_at < ? "
                        + "ORDER BY due_at, action_key")
                .param(utc(from.atStartOfDay(zone).toInstant())).param(utc(to.atStartOfDay(zone).toInstant()))
                .query(PreventiveCalendar::row).list().stream()
                .map(r -> new Occurrence(r.actionKey(), r.period(), r.ticketNumber(), r.dueAt(), r.doneAt()))
                .toList();
    }

    private Optional<Row> find(String actionKey, String period) {
        return jdbc.sql("SELECT * FROM preventive_occurrences WHERE action_key = ? AND period = ? AND ticket_number IS NOT NULL")
                .param(actionKey).param(period).query(PreventiveCalendar::row).optional();
    }

    /** The plan's actions, in its order. */
    public List<PreventiveAction> actions() {
        return plan.preventive();
    }

    /** The plan's action of this key; an unknown key is a 404. */
    public PreventiveAction action(String key) {
        return plan.preventive().stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("preventive-action", "no preventive action " + key, key));
    }

    record Row(String actionKey, String period, LocalDate occursOn, long ticketNumber, Instant dueAt, Instant doneAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("action_key"), rs.getString("period"), rs.getObject("occurs_on", LocalDate.class),
                rs.getLong("ticket_number"), instant(rs, "due_at"), instant(rs, "done_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
