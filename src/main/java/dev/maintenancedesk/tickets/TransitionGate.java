package dev.maintenancedesk.tickets;

import java.util.List;

/**
 * Lets a module above tickets add requirements to a transition (e.g. post-mortems to closing)
 * without tickets depending on it. Returns the keys of the unmet requirements, empty when met.
 */
public interface TransitionGate {

    List<String> unmet(TicketView ticket, TicketState target);
}
