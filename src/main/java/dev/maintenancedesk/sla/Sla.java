package dev.maintenancedesk.sla;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.tickets.TicketFacet;
import dev.maintenancedesk.tickets.TicketHistory;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of tickets. They are computed from a ticket's history on its calendar
 * ({@link SlaCalculator}) when the history changes, in the same transaction ({@link #refresh}), and
 * stored as the ticket's projection ({@link SlaBoard}); reads evaluate the stored figures at "now" — the
 * same clocks as a replay, without it. Also the {@code sla} property of the ticket JSON.
 */
@Service
public class Sla implements TicketFacet {

    private final Tickets tickets;
    private final Plan plan;
    /** One calculator per calendar: the plan's, and each team's own (follow-the-sun). */
    private final Map<CalendarSettings, SlaCalculator> calculators = new ConcurrentHashMap<>();
    private final Map<CalendarSettings, Deadlines> deadlines = new ConcurrentHashMap<>();
    private final SlaBoard board;
    private final Clock clock;

    Sla(Tickets tickets, Plan plan, SlaBoard board, Clock clock) {
        this.tickets = tickets;
        this.plan = plan;
        this.board = board;
        this.clock = clock;
    }

    /** Both clocks of a ticket now. */
    public TicketSla of(long number) {
        Instant now = now();
        TicketSla stored = read(board.read(List.of(number)).get(number), now);
        return stored != null ? stored : replay(tickets.get(number), now);
    }

    /** Both clocks of a ticket now, computed from its history (as {@link #refresh} stores them), without a read. */
    public TicketSla of(TicketHistory history) {
        Projected projected = project(history, now());
        return projected.clocks();
    }

    /** The tickets whose clocks are at risk or breached now, most urgent first, with their clocks. */
    public List<TicketClocks> list(SlaStatus status, int limit) {
        Instant now = now();
        List<TicketClocks> listed = board.inStatus(status, now, limit);
        Map<Long, TicketSla> clocks = of(listed.stream().map(TicketClocks::number).toList(), now);
        return listed.stream().filter(t -> clocks.containsKey(t.number()))
                .map(t -> new TicketClocks(t.number(), t.title(), t.assignee(), clocks.get(t.number())))
                .toList();
    }

    /**
     * Recomputes a ticket's clocks from its history and stores them, with the ticket's due instant, outside a
     * ticket's write (a write's own transaction goes through {@link SlaProjector}). The ticket's row is locked
     * first: writers of one ticket take turns, each reading the history the previous one left.
     */
    @Transactional
    public TicketSla refresh(long number) {
        board.lock(number);
        TicketHistory history = tickets.histories(List.of(number)).get(number);
        return history == null ? null : refresh(history, false);
    }

    /**
     * The same from the history its writer's transaction just wrote ({@link SlaProjector}): that
     * transaction holds the ticket's row; when it opened the ticket, there are no clocks to replace yet.
     */
    TicketSla refresh(TicketHistory history, boolean opened) {
        long number = history.number();
        Projected projected = project(history, now());
        if (opened) {
            board.insert(Map.of(number, projected.rows()));
        } else {
            board.replace(Map.of(number, projected.rows()));
        }
        if (!Objects.equals(history.dueAt(), projected.due())) {
            // most moves leave it as it was: no second version of the ticket's row (and its ten index entries)
            tickets.recordDue(number, projected.due());
        }
        return projected.clocks();
    }

    /**
     * A ticket's projection: its whole history (the truth, even a step a skewed clock dates after
     * {@code now}) on its team's calendar, the two rows to store with the clocks as they are at
     * {@code now} (or at the last step if later), and its due instant.
     */
    Projected project(TicketHistory history, Instant now) {
        SlaCalculator calculator = calculator(history.team());
        Projection projection = calculator.project(Timeline.of(history.createdAt(), history.entries()), Instant.MAX);
        Instant at = now.isBefore(projection.historyAt()) ? projection.historyAt() : now;
        List<StoredClock> rows = List.of(row(calculator, projection, projection.takeCharge(), at),
                row(calculator, projection, projection.resolution(), at));
        return new Projected(projection, calculator, rows, StoredClock.due(rows.get(0), rows.get(1)));
    }

    /** One clock of a projection as stored, as it is at {@code at}. */
    static StoredClock row(SlaCalculator calculator, Projection projection, ClockFigures figures, Instant at) {
        return StoredClock.of(projection.priority(), figures, calculator.read(figures, at), projection.historyAt(), at);
    }

    /** A ticket's projection, the calculator of its calendar, its rows (take-charge, resolution), its due instant. */
    record Projected(Projection projection, SlaCalculator calculator, List<StoredClock> rows, Instant due) {

        /** Both clocks as the stored rows have them. */
        TicketSla clocks() {
            return calculator.at(projection, rows.getFirst().computedAt());
        }
    }

    /**
     * When the ticket is next due: the earliest deadline of its clocks that count and are not paused
     * (null when none), which orders the "most urgent first" lists. The history fixes it.
     */
    static Instant due(TicketSla sla) {
        return Stream.of(sla.takeCharge(), sla.resolution())
                .filter(c -> c.counting() && c.state() != ClockState.PAUSED && c.deadline() != null)
                .map(c -> c.deadline().toInstant())
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** The clocks of several tickets now, from their stored projections (lists, board). */
    public Map<Long, TicketSla> of(Collection<Long> numbers) {
        return of(numbers, now());
    }

    private Map<Long, TicketSla> of(Collection<Long> numbers, Instant now) {
        Map<Long, TicketSla> clocks = new LinkedHashMap<>();
        Map<Long, SlaBoard.Stored> stored = board.read(numbers);
        List<Long> missing = new java.util.ArrayList<>();
        for (Long number : numbers) {
            TicketSla sla = read(stored.get(number), now);
            if (sla != null) {
                clocks.put(number, sla);
            } else {
                missing.add(number);
            }
        }
        if (!missing.isEmpty()) {
            // Not projected yet (rows written before the projection existed, a bulk load): the replay.
            tickets.histories(missing).forEach((number, history) -> clocks.put(number, calculator(history.team())
                    .compute(Timeline.of(history.createdAt(), history.entries()), now)));
            Map<Long, TicketSla> ordered = new LinkedHashMap<>();
            numbers.stream().filter(clocks::containsKey).forEach(n -> ordered.put(n, clocks.get(n)));
            return ordered;
        }
        return clocks;
    }

    /**
     * The stored clocks evaluated at {@code now}; null when there is nothing to evaluate from: no
     * projection yet, or {@code now} before the history it was computed from (then the replay answers).
     */
    TicketSla read(SlaBoard.Stored stored, Instant now) {
        if (stored == null) {
            return null;
        }
        return evaluate(stored.team(), stored.takeCharge(), stored.resolution(), now);
    }

    TicketSla evaluate(String team, StoredClock takeCharge, StoredClock resolution, Instant now) {
        if (!current(takeCharge, resolution, now)) {
            return null;
        }
        SlaCalculator calculator = calculator(team);
        return calculator.at(new Projection(takeCharge.priority(), figures(calculator, takeCharge),
                figures(calculator, resolution), takeCharge.historyAt()), now);
    }

    /** Whether stored clocks may be read at {@code now}: computed (together), and now not before their history. */
    static boolean current(StoredClock takeCharge, StoredClock resolution, Instant now) {
        Instant historyAt = takeCharge.historyAt();
        return historyAt != null && !now.isBefore(historyAt) && historyAt.equals(resolution.historyAt());
    }

    static ClockFigures figures(SlaCalculator calculator, StoredClock c) {
        return c.figures(c.targetMinutes() == null ? 0 : calculator.threshold(c.targetMinutes()));
    }

    TicketSla replay(TicketView ticket, Instant now) {
        return calculator(ticket.team()).compute(
                Timeline.of(ticket.createdAt().toInstant(), tickets.history(ticket.number())), now);
    }

    SlaCalculator calculator(String team) {
        return calculators.computeIfAbsent(plan.calendarOf(team),
                calendar -> new SlaCalculator(deadlines(team), plan.sla()));
    }

    /** Business-time arithmetic on a team's calendar (the plan's for null), as the clocks use it. */
    public Deadlines deadlines(String team) {
        return deadlines.computeIfAbsent(plan.calendarOf(team), calendar -> Deadlines.of(plan, calendar));
    }

    /**
     * Now, to the microsecond: what PostgreSQL keeps of an instant, so that clocks stored at an instant
     * and evaluated at it again agree to the last digit.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String name() {
        return "sla";
    }

    @Override
    public Object of(TicketView ticket) {
        Instant now = now();
        SlaBoard.Stored stored = board.read(List.of(ticket.number())).get(ticket.number());
        TicketSla sla = stored == null || !Objects.equals(stored.team(), ticket.team()) ? null : read(stored, now);
        return sla != null ? sla : replay(ticket, now);
    }

    /** A ticket with its clocks, as the SLA lists show it. */
    public record TicketClocks(long number, String title, String assignee, TicketSla sla) {}
}
