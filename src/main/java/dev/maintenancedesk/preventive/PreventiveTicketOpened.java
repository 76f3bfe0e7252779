package dev.maintenancedesk.preventive;

/**
 * A preventive action's ticket was opened for one period (e.g. {@code watch_consolidation} for
 * {@code 2026-11}): the modules that fill such a ticket (the watch digest, the backlog review) listen.
 */
public record PreventiveTicketOpened(String actionKey, String period, long ticketNumber) {
}
