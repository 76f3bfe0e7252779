package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import java.time.Instant;

/** A ticket's priority was set or changed (SLA targets depend on it). */
public record TicketPriorityChanged(long number, Priority before, Priority after, String actor, Instant at) {

    /** Whether the ticket became P1 (it was not before). */
    public boolean becameP1() {
        return after == Priority.P1 && before != Priority.P1;
    }
}
