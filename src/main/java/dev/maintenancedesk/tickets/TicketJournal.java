package dev.maintenancedesk.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the append-only history from the events the aggregate registers, in the transaction that
 * saves the change: the history says exactly what happened, in the words of the events.
 */
@Component
class TicketJournal {

    private final TicketRepository repository;

    TicketJournal(TicketRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(TicketCreated e) {
        repository.append(e.number(), e.at(), e.reporter(), TicketAction.CREATED, null, null, null, null);
    }

    @EventListener
    void on(TicketEdited e) {
        repository.append(e.changes().stream().map(c -> new TicketRepository.NewEntry(e.number(), e.at(), e.actor(),
                TicketAction.UPDATED, c.field(), c.before(), c.after(), null)).toList());
    }

    @EventListener
    void on(TicketTransitioned e) {
        repository.append(e.number(), e.at(), e.actor(), TicketAction.TRANSITIONED, Field.STATE,
                e.from().name(), e.to().name(), e.reason());
    }

    @EventListener
    void on(TicketLinked e) {
        repository.append(e.number(), e.at(), e.actor(), TicketAction.LINKED, Field.LINKS,
                LinkText.format(e.before()), LinkText.format(e.after()), null);
    }

    @EventListener
    void on(TicketUnlinked e) {
        repository.append(e.number(), e.at(), e.actor(), TicketAction.UNLINKED, Field.LINKS,
                LinkText.format(e.link()), null, null);
    }

    @EventListener
    void on(TicketCommented e) {
        repository.append(e.number(), e.at(), e.author(), TicketAction.COMMENTED, Field.COMMENT, null,
                Long.toString(e.commentId()), null);
    }

    @EventListener
    void on(TicketPostmortemSaved e) {
        repository.append(e.number(), e.at(), e.actor(), TicketAction.POSTMORTEM_SAVED, Field.POSTMORTEM, null, null,
                null);
    }
}
