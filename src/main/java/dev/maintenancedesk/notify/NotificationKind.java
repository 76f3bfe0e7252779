package dev.maintenancedesk.notify;

/** The personal notifications a user can turn off, each on by default. */
public enum NotificationKind {
    /** A ticket was assigned to me. */
    ASSIGNED,
    /** Someone commented on a ticket assigned to me. */
    COMMENTED,
    /** A ticket I reported changed state. */
    STATE_CHANGED
}
