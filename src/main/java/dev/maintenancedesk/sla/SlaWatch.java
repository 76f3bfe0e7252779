package dev.maintenancedesk.sla;

import dev.maintenancedesk.tickets.TicketCreated;
import dev.maintenancedesk.tickets.TicketPriorityChanged;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored clocks in step with ticket events, and raises {@link SlaAtRisk} / {@link SlaBreached}
 * when a counting clock passes its threshold. Each alert is recorded under a primary key and published
 * in the same transaction: with several instances scanning at once, only one raises it, once; the
 * event publication registry delivers it to listeners even across a crash.
 */
@Component
public class SlaWatch {

    private final Sla sla;
    private final Tickets tickets;
    private final SlaBoard board;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaWatch(Sla sla, Tickets tickets, SlaBoard board, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.sla = sla;
        this.tickets = tickets;
        this.board = board;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TicketCreated event) {
        sla.refresh(event.number());
    }

    @ApplicationModuleListener
    void on(TicketTransitioned event) {
        sla.refresh(event.number());
    }

    @ApplicationModuleListener
    void on(TicketPriorityChanged event) {
        sla.refresh(event.number());
    }

    /** Raises the alerts that have come due; returns how many were raised by this call. */
    @Scheduled(fixedDelayString = "${desk.sla.watch-interval:PT30S}", initialDelayString = "${desk.sla.watch-delay:PT20S}")
    public int scan() {
        Instant now = clock.instant();
        int raised = 0;
        for (long number : board.due(now)) {
            TicketView ticket = tickets.get(number);
            TicketSla clocks = sla.of(ticket, now);
            for (SlaClock c : List.of(clocks.takeCharge(), clocks.resolution())) {
                if (c.deadline() == null || !c.counting()) {
                    continue;
                }
                if (c.atRisk()) {
                    raised += raise(ticket, c, "AT_RISK", new SlaAtRisk(number, c.kind(), clocks.priority(),
                            ticket.assignee(), c.deadline().toInstant(), now));
                }
                if (c.state() == ClockState.BREACHED) {
                    raised += raise(ticket, c, "BREACHED", new SlaBreached(number, c.kind(), clocks.priority(),
                            ticket.assignee(), c.deadline().toInstant(), now));
                }
            }
        }
        return raised;
    }

    private int raise(TicketView ticket, SlaClock clock, String kind, Object event) {
        try {
            Boolean raised = transactions.execute(status -> {
                if (!board.raise(ticket.number(), clock.kind(), kind, clock.deadline(), this.clock.instant())) {
                    return false;
                }
                events.publishEvent(event);
                return true;
            });
            return Boolean.TRUE.equals(raised) ? 1 : 0;
        } catch (DataIntegrityViolationException raisedMeanwhile) {
            // Another instance inserted the same alert between our check and our insert: it is raised.
            return 0;
        }
    }
}
