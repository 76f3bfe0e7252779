package dev.maintenancedesk.tickets;

import java.util.List;

/**
 * A move the actor's role lets them attempt from the ticket's state: {@code missing} lists the gate's
 * unmet requirement keys (a reason, asked when moving, aside), {@code allowed} is true when none is,
 * {@code needsReason} says the move must be given a reason. Every face shows this and derives nothing.
 */
public record Move(TicketState to, boolean allowed, List<String> missing, boolean needsReason) {

    public Move {
        missing = List.copyOf(missing);
    }
}
