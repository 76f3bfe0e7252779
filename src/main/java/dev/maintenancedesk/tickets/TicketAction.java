package dev.maintenancedesk.tickets;

/** What kind of change a history entry records. */
public enum TicketAction {
    CREATED, UPDATED, TRANSITIONED, LINKED, UNLINKED, COMMENTED, POSTMORTEM_SAVED
}
