package dev.maintenancedesk.tickets;

/** The seven workflow steps of the plan (section 5) and the two side states. */
public enum TicketState {
    NEW, TRIAGED, ASSIGNED, IN_PROGRESS, IN_REVIEW, MERGED, CLOSED, WAITING, REJECTED
}
