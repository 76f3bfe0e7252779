package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.util.Set;

/**
 * Filters of a ticket list; a null (or empty) field does not filter. {@code states} is any of several
 * states; {@code text} matches the title; {@code unassigned} keeps the tickets nobody is assigned to
 * (it cannot be combined with an {@code assignee}); {@code reporter} keeps the tickets a user reported.
 */
public record TicketFilter(Set<TicketState> states, Priority priority, TicketType type, String label,
        String assignee, String team, String text, String reporter, boolean unassigned) {

    public TicketFilter {
        states = states == null || states.isEmpty() ? null : Set.copyOf(states);
    }

    /** One state (or any when null), no reporter nor unassigned filter. */
    public TicketFilter(TicketState state, Priority priority, TicketType type, String label, String assignee,
            String team, String text) {
        this(state == null ? null : Set.of(state), priority, type, label, assignee, team, text, null, false);
    }

    public static TicketFilter none() {
        return new TicketFilter((Set<TicketState>) null, null, null, null, null, null, null, null, false);
    }

    /** The open tickets (neither closed nor rejected) matching nothing else. */
    public static TicketFilter open() {
        return none().withStates(Set.copyOf(TicketState.open()));
    }

    public TicketFilter withStates(Set<TicketState> states) {
        return new TicketFilter(states, priority, type, label, assignee, team, text, reporter, unassigned);
    }

    public TicketFilter withAssignee(String assignee) {
        return new TicketFilter(states, priority, type, label, assignee, team, text, reporter, false);
    }

    public TicketFilter withUnassigned() {
        return new TicketFilter(states, priority, type, label, null, team, text, reporter, true);
    }

    public TicketFilter withReporter(String reporter) {
        return new TicketFilter(states, priority, type, label, assignee, team, text, reporter, unassigned);
    }

    public TicketFilter withPriority(Priority priority) {
        return new TicketFilter(states, priority, type, label, assignee, team, text, reporter, unassigned);
    }

    /** The single state filtered on, or null when none or several. */
    public TicketState state() {
        return states != null && states.size() == 1 ? states.iterator().next() : null;
    }

    /** Whether only the open states are kept (the list's default). */
    public boolean isOpenStates() {
        return states != null && states.equals(Set.copyOf(TicketState.open()));
    }
}
