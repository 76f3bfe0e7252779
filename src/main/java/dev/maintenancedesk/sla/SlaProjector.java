package dev.maintenancedesk.sla;

import dev.maintenancedesk.tickets.BeforeCommit;
import dev.maintenancedesk.tickets.TicketCreated;
import dev.maintenancedesk.tickets.TicketEdited;
import dev.maintenancedesk.tickets.TicketPriorityChanged;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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
    private final BeforeCommit beforeCommit;

    SlaProjector(Sla sla, BeforeCommit beforeCommit) {
        this.sla = sla;
        this.beforeCommit = beforeCommit;
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

    /** First among the work done before a ticket's commit: the KPI facts read these clocks. */
    private void mark(long number) {
        beforeCommit.mark(this, 0, number, written -> sla.refresh(written.history(), written.opened()), sla::refresh);
    }
}
