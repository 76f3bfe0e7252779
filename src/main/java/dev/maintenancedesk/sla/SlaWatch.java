package dev.maintenancedesk.sla;

import dev.maintenancedesk.tickets.Tickets;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises {@link SlaAtRisk} / {@link SlaBreached} when a counting clock passes its threshold, and stores
 * the clock's new state in the projection. Each ticket is handled in a transaction of its own holding
 * the ticket's row (as writers do), so the clocks it reads are the latest; each alert is recorded under
 * a primary key and published in that transaction: with several instances scanning at once, only one
 * raises it, once, and the event publication registry delivers it to listeners even across a crash.
 */
@Component
public class SlaWatch {

    private final Sla sla;
    private final Tickets tickets;
    private final SlaBoard board;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SlaWatch(Sla sla, Tickets tickets, SlaBoard board, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.sla = sla;
        this.tickets = tickets;
        this.board = board;
        this.events = events;
        this.transactions = transactions;
    }

    /** Raises the alerts that have come due; returns how many were raised by this call. */
    @Scheduled(fixedDelayString = "${desk.sla.watch-interval:PT30S}", initialDelayString = "${desk.sla.watch-delay:PT20S}")
    public int scan() {
        int raised = 0;
        for (long number : board.due(sla.now())) {
            raised += advance(number);
        }
        return raised;
    }

    private int advance(long number) {
        try {
            Integer raised = transactions.execute(status -> {
                board.lock(number);
                Instant now = sla.now();
                SlaBoard.Stored stored = board.read(List.of(number)).get(number);
                if (stored == null || !Sla.current(stored.takeCharge(), stored.resolution(), now)) {
                    return 0; // not projected (yet): the next write or rebuild projects it
                }
                SlaCalculator calculator = sla.calculator(stored.team());
                return advance(number, stored.takeCharge(), calculator, now)
                        + advance(number, stored.resolution(), calculator, now);
            });
            return raised == null ? 0 : raised;
        } catch (DataIntegrityViolationException raisedMeanwhile) {
            // Another instance inserted the same alert between our check and our insert: it is raised.
            return 0;
        }
    }

    /**
     * One clock at {@code now}: the alert its state calls for (at risk while running, breached while
     * counting), then the state stored with what was alerted for its deadline.
     */
    private int advance(long number, StoredClock before, SlaCalculator calculator, Instant now) {
        StoredClock c = before.seen(calculator.read(Sla.figures(calculator, before), now), now);
        String alerted = null;
        int raised = 0;
        if (c.counting() && c.deadline() != null) {
            if (c.state() == ClockState.BREACHED) {
                alerted = "BREACHED";
                raised += raise(number, c, alerted, new SlaBreached(number, c.kind(), c.priority(), assignee(number),
                        c.deadline(), now), now);
            } else if (c.atRisk() && c.state() == ClockState.RUNNING) {
                // Not while paused: its deadline moves with "now", and one alert per deadline would be one a scan.
                alerted = "AT_RISK";
                raised += raise(number, c, alerted, new SlaAtRisk(number, c.kind(), c.priority(), assignee(number),
                        c.deadline(), now), now);
            }
        }
        board.advance(number, c, alerted);
        return raised;
    }

    private int raise(long number, StoredClock clock, String kind, Object event, Instant now) {
        if (!board.raise(number, clock.kind(), kind, clock.deadline(), now)) {
            return 0;
        }
        events.publishEvent(event);
        return 1;
    }

    private String assignee(long number) {
        return tickets.get(number).assignee();
    }
}
