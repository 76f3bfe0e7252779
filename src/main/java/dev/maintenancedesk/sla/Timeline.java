package dev.maintenancedesk.sla;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the clocks need from a ticket's history: when it was created, and each change of priority or
 * state in order. Clocks are a pure function of this and "now", so a rebuild gives the same answer.
 */
record Timeline(Instant created, List<Step> steps) {

    /** A priority change ({@code to} null) or a state change ({@code priority} null). */
    record Step(Instant at, Priority priority, TicketState to) {}

    static Timeline of(Instant created, List<HistoryEntry> history) {
        List<Step> steps = new ArrayList<>();
        for (HistoryEntry e : history) {
            if (e.isPriorityChange()) {
                steps.add(new Step(e.at().toInstant(), Priority.valueOf(e.after()), null));
            } else if (e.isTransition()) {
                steps.add(new Step(e.at().toInstant(), null, TicketState.valueOf(e.after())));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        return new Timeline(created, List.copyOf(steps));
    }
}
