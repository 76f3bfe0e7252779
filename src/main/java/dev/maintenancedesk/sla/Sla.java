package dev.maintenancedesk.sla;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.tickets.TicketFacet;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The SLA clocks of tickets, computed from their history on the plan's calendar. Also the {@code sla}
 * property of the ticket JSON.
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
        return of(tickets.get(number), clock.instant());
    }

    /** The tickets whose clocks are at risk or breached now, most urgent first, with their clocks. */
    public List<TicketClocks> list(SlaStatus status, int limit) {
        Instant now = clock.instant();
        return board.inStatus(status, now, limit).stream()
                .map(tickets::get)
                .map(t -> new TicketClocks(t.number(), t.title(), t.assignee(), of(t, now)))
                .toList();
    }

    /** Recomputes a ticket's clocks from its history and stores them for the watcher. */
    @org.springframework.transaction.annotation.Transactional
    public TicketSla refresh(long number) {
        // Two events of one ticket (created, then moved at once) refresh it side by side: one at a time, each
        // reading the history after the other, so the last stored clocks are the latest (and no duplicate row).
        board.lock(number);
        Instant now = clock.instant();
        TicketView ticket = tickets.get(number);
        TicketSla sla = of(ticket, now);
        board.store(ticket, sla, now);
        tickets.recordDue(number, java.util.stream.Stream.of(sla.takeCharge(), sla.resolution())
                .filter(c -> c.counting() && c.state() != ClockState.PAUSED && c.deadline() != null)
                .map(c -> c.deadline().toInstant())
                .min(Instant::compareTo)
                .orElse(null));
        return sla;
    }

    /** The clocks of several tickets now, from their histories read at once (lists, board). */
    public Map<Long, TicketSla> of(java.util.Collection<Long> numbers) {
        Instant now = clock.instant();
        Map<Long, TicketSla> clocks = new java.util.LinkedHashMap<>();
        tickets.histories(numbers).forEach((number, history) -> clocks.put(number,
                calculator(history.team()).compute(Timeline.of(history.createdAt(), history.entries()), now)));
        return clocks;
    }

    TicketSla of(TicketView ticket, Instant now) {
        return calculator(ticket.team()).compute(
                Timeline.of(ticket.createdAt().toInstant(), tickets.history(ticket.number())), now);
    }

    private SlaCalculator calculator(String team) {
        return calculators.computeIfAbsent(plan.calendarOf(team),
                calendar -> new SlaCalculator(deadlines(team), plan.sla()));
    }

    /** Business-time arithmetic on a team's calendar (the plan's for null), as the clocks use it. */
    public Deadlines deadlines(String team) {
        return deadlines.computeIfAbsent(plan.calendarOf(team), calendar -> Deadlines.of(plan, calendar));
    }

    @Override
    public String name() {
        return "sla";
    }

    @Override
    public Object of(TicketView ticket) {
        return of(ticket, clock.instant());
    }

    /** A ticket with its clocks, as the SLA lists show it. */
    public record TicketClocks(long number, String title, String assignee, TicketSla sla) {}
}
