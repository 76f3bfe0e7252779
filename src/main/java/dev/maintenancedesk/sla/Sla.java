package dev.maintenancedesk.sla;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.tickets.TicketFacet;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * The SLA clocks of tickets, computed from their history on the plan's calendar. Also the {@code sla}
 * property of the ticket JSON.
 */
@Service
public class Sla implements TicketFacet {

    private final Tickets tickets;
    private final SlaCalculator calculator;
    private final Clock clock;

    Sla(Tickets tickets, Plan plan, Clock clock) {
        this.tickets = tickets;
        this.calculator = new SlaCalculator(Deadlines.of(plan), plan.sla());
        this.clock = clock;
    }

    /** Both clocks of a ticket now. */
    public TicketSla of(long number) {
        return of(tickets.get(number), clock.instant());
    }

    TicketSla of(TicketView ticket, Instant now) {
        return calculator.compute(Timeline.of(ticket.createdAt().toInstant(), tickets.history(ticket.number())), now);
    }

    @Override
    public String name() {
        return "sla";
    }

    @Override
    public Object of(TicketView ticket) {
        return of(ticket, clock.instant());
    }
}
