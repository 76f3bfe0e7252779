package dev.maintenancedesk.releases;

import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** The title and release-note line of the tickets commits reference, from the tickets module. */
@Component
class TicketLookup implements TicketNotes {

    private final Tickets tickets;

    TicketLookup(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Optional<TicketNote> find(long number) {
        try {
            TicketView t = tickets.get(number);
            return Optional.of(new TicketNote(t.number(), t.title(), t.releaseNote()));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty(); // a commit may name an issue of another tracker
            }
            throw e;
        }
    }
}
