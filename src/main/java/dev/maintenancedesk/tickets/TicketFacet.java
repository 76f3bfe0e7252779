package dev.maintenancedesk.tickets;

/**
 * Lets a module above tickets add a property to the ticket JSON (e.g. {@code sla}) without tickets
 * depending on it. {@code name()} is the JSON property; {@code of} may return null to leave it out.
 */
public interface TicketFacet {

    String name();

    Object of(TicketView ticket);
}
