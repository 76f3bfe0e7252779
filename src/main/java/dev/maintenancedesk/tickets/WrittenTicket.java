package dev.maintenancedesk.tickets;

/**
 * A ticket as the transaction writing it left it, handed to the work done just before its commit
 * ({@link BeforeCommit}): the ticket itself and its whole history, read once for all that work, and whether
 * that transaction opened it (then nothing derived from it is stored yet: there is nothing to replace).
 */
public record WrittenTicket(TicketView ticket, TicketHistory history, boolean opened) {

    public long number() {
        return ticket.number();
    }
}
