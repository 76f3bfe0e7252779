package dev.maintenancedesk.sla;

import dev.maintenancedesk.tickets.TicketCreated;
import dev.maintenancedesk.tickets.TicketEdited;
import dev.maintenancedesk.tickets.TicketPriorityChanged;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each ticket's SLA projection in step with its history, in the transaction that writes the
 * history: the events that change clocks (creation, a state change — pause, resume, reopen included —,
 * a priority set or changed, a team change, whose calendar the clocks run on) mark the ticket, and just
 * before that transaction commits each marked ticket is recomputed once, from the whole history the
 * transaction wrote (a creation publishes its priority after its creation event). The ticket's row is
 * already locked by the writer, so nothing else can interleave; a failure rolls the change back with it.
 */
@Component
class SlaProjector {

    private final Sla sla;

    SlaProjector(Sla sla) {
        this.sla = sla;
    }

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
        if (event.changes().stream().anyMatch(c -> c.field() == TicketView.Field.TEAM)) {
            mark(event.number());
        }
    }

    private void mark(long number) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sla.refresh(number);
            return;
        }
        // The synchronization of this very transaction (an inner REQUIRES_NEW one has its own list).
        Marked marked = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Marked.class::isInstance).map(Marked.class::cast).findFirst().orElse(null);
        if (marked == null) {
            marked = new Marked();
            TransactionSynchronizationManager.registerSynchronization(marked);
        }
        marked.numbers.add(number);
    }

    /** The tickets a transaction changed clocks of, refreshed just before it commits. */
    private final class Marked implements TransactionSynchronization {

        private final TreeSet<Long> numbers = new TreeSet<>();

        /** Before the synchronizations of ordinary order: those that read the clocks (the KPI facts) come after. */
        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // ascending, as every writer of several tickets' clocks goes
            numbers.forEach(sla::refresh);
        }
    }
}
