package dev.maintenancedesk.tickets;

/**
 * A ticket as the transaction writing it left it, handed to the work done just before its commit
 * ({@link BeforeCommit}): the ticket itself and its whole history, read once for all that work.
 */
public record WrittenTicket(TicketView ticket, TicketHistory history) {

    public long number() {
        return ticket.number();
    }
}
