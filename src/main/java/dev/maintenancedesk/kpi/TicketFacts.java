package dev.maintenancedesk.kpi;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.sla.ClockState;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaClock;
import dev.maintenancedesk.sla.TicketSla;
import dev.maintenancedesk.tickets.BeforeCommit;
import dev.maintenancedesk.tickets.WrittenTicket;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketCreated;
import dev.maintenancedesk.tickets.TicketEdited;
import dev.maintenancedesk.tickets.TicketPriorityChanged;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one row of {@code kpi_ticket_facts} per ticket in step with its events: the SLA clocks' outcome
 * (from the sla module's own calculation), resolution time in business and wall-clock minutes with
 * pauses excluded, whether it reached MERGED with test evidence, and whether it is an incident. The
 * KPIs then aggregate this table instead of replaying every history at each request.
 */
@Component
class TicketFacts {

    /** States in which the resolution clock does not count (DESIGN §5). */
    private static final Set<TicketState> NOT_COUNTING = EnumSet.of(TicketState.WAITING, TicketState.MERGED,
            TicketState.CLOSED, TicketState.REJECTED);

    private final Tickets tickets;
    private final Sla sla;
    private final Plan plan;
    private final Months months;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final BeforeCommit beforeCommit;

    TicketFacts(Tickets tickets, Sla sla, Plan plan, Months months, JdbcClient jdbc, Clock clock,
            TransactionTemplate transactions, BeforeCommit beforeCommit) {
        this.transactions = transactions;
        this.beforeCommit = beforeCommit;
        this.tickets = tickets;
        this.sla = sla;
        this.plan = plan;
        this.months = months;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // In the transaction that writes the ticket's history, just before it commits and after the SLA
    // projection (whose clocks the facts read): no re-read after the commit, no lock to wait for, no event
    // publication to store and complete, and the facts are never behind the history.
    @EventListener
    void on(TicketCreated event) {
        mark(event.number());
    }

    @EventListener
    void on(TicketTransitioned event) {
        mark(event.number());
    }

    @EventListener
    void on(TicketPriorityChanged event) {
        mark(event.number());
    }

    @EventListener
    void on(TicketEdited event) {
        mark(event.number());
    }

    /** After the SLA projection (so that both see the same history and the due instant is stored first). */
    private void mark(long number) {
        beforeCommit.mark(this, Ordered.LOWEST_PRECEDENCE, number, this::write,
                n -> transactions.executeWithoutResult(status -> refresh(n)));
    }

    /**
     * Recomputes and stores one ticket's facts outside a ticket's write (the backfill). The ticket's row is
     * locked first, so that it waits for a writer of the same ticket and reads what that writer left.
     */
    void refresh(long number) {
        jdbc.sql("SELECT number FROM tickets WHERE number = ? FOR UPDATE").param(number).query(Long.class).list();
        tickets.written(number).ifPresent(this::write);
    }

    /** Recomputes and stores one ticket's facts from the ticket and history its writer left. */
    private void write(WrittenTicket written) {
        TicketView t = written.ticket();
        long number = t.number();
        List<HistoryEntry> history = written.history().entries();
        TicketSla clocks = sla.of(written.history());
        SlaClock takeCharge = clocks.takeCharge();
        SlaClock resolution = clocks.resolution();
        boolean resolved = resolution.stoppedAt() != null && resolution.state() != ClockState.RUNNING
                && resolution.state() != ClockState.PAUSED;
        Instant resolvedAt = resolved ? resolution.stoppedAt().toInstant() : null;
        Instant takenAt = takeCharge.stoppedAt() == null ? null : takeCharge.stoppedAt().toInstant();
        boolean stoppedTakeCharge = takenAt != null && takeCharge.targetMinutes() != null;
        Instant mergedAt = firstArrival(history, TicketState.MERGED);
        Instant closedAt = t.state() == TicketState.CLOSED ? lastArrival(history, TicketState.CLOSED) : null;
        boolean exempt = t.labels().stream().anyMatch(plan.testsExemptLabels()::contains);
        boolean incident = isIncident(t.type(), t.priority(), t.labels());
        Instant created = t.createdAt().toInstant();
        Object[] facts = {t.type() == null ? null : t.type().name(),
                t.priority() == null ? null : t.priority().name(), t.state().name(), incident,
                plan.needsPostmortem(t.priority(), t.labels()), utc(created), months.of(created),
                stoppedTakeCharge ? takeCharge.state().name() : null,
                stoppedTakeCharge ? months.of(takenAt) : null,
                resolved ? resolution.state().name() : null, utc(resolvedAt),
                resolved ? months.of(resolvedAt) : null,
                resolved ? resolution.elapsedMinutes() : null,
                resolved ? wallMinutes(created, history, resolvedAt) : null,
                mergedAt == null ? null : months.of(mergedAt), exempt,
                t.testEvidence() != null && !t.testEvidence().isBlank(),
                closedAt == null ? null : months.of(closedAt), utc(clock.instant()), number};
        // one statement: an insert for a ticket this transaction opened, else an update (the writer holds the
        // ticket's row, so nobody else inserts the facts in between; a ticket older than the facts has none)
        if (written.opened() || jdbc.sql(UPDATE).params(facts).update() == 0) {
            jdbc.sql(INSERT).params(facts).update();
        }
    }

    /** The columns of a ticket's facts, in the order {@link #write} gives them (the ticket's number last). */
    private static final List<String> FACTS = List.of("type", "priority", "state", "incident", "postmortem_required",
            "created_at", "created_month", "take_charge_state", "take_charge_month", "resolution_state", "resolved_at",
            "resolved_month", "business_minutes", "wall_minutes", "merged_month", "tests_exempt", "with_tests",
            "closed_month", "updated_at");
    private static final String UPDATE = "UPDATE kpi_ticket_facts SET " + String.join(" = ?, ", FACTS)
            + " = ? WHERE ticket_number = ?";
    private static final String INSERT = "INSERT INTO kpi_ticket_facts (" + String.join(", ", FACTS)
            + ", ticket_number) VALUES (" + "?, ".repeat(FACTS.size()) + "?)";

    /** Incidents: corrective tickets of priority P1 or P2, or any ticket labelled {@code incident}. */
    static boolean isIncident(TicketType type, Priority priority, List<String> labels) {
        return labels.contains("incident")
                || (type == TicketType.CORRECTIVE && (priority == Priority.P1 || priority == Priority.P2));
    }

    /**
     * Wall-clock minutes during which the resolution clock counted, up to {@code end}: from creation,
     * stopped in WAITING, MERGED, CLOSED and REJECTED, counting again when the ticket leaves them.
     */
    static long wallMinutes(Instant created, List<HistoryEntry> history, Instant end) {
        long seconds = 0;
        Instant since = created;
        for (HistoryEntry e : history) {
            if (!e.isTransition()) {
                continue;
            }
            Instant at = e.at().toInstant();
            if (at.isAfter(end)) {
                break;
            }
            boolean counts = !NOT_COUNTING.contains(TicketState.valueOf(e.after()));
            if (since != null && !counts) {
                seconds += Duration.between(since, at).toSeconds();
                since = null;
            } else if (since == null && counts) {
                since = at;
            }
        }
        if (since != null && since.isBefore(end)) {
            seconds += Duration.between(since, end).toSeconds();
        }
        return seconds / 60;
    }

    private static Instant firstArrival(List<HistoryEntry> history, TicketState state) {
        return history.stream().filter(e -> e.isTransition() && state.name().equals(e.after()))
                .map(e -> e.at().toInstant()).findFirst().orElse(null);
    }

    private static Instant lastArrival(List<HistoryEntry> history, TicketState state) {
        return history.stream().filter(e -> e.isTransition() && state.name().equals(e.after()))
                .map(e -> e.at().toInstant()).reduce((a, b) -> b).orElse(null);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
