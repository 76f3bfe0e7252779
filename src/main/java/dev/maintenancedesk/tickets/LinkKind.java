package dev.maintenancedesk.tickets;

/** What a ticket link points at: a change (pull request, commit) or another ticket. */
public enum LinkKind {
    PULL_REQUEST, COMMIT, BLOCKS, BLOCKED_BY, DUPLICATE_OF, RELATES_TO;

    boolean pointsAtTicket() {
        return this == BLOCKS || this == BLOCKED_BY || this == DUPLICATE_OF || this == RELATES_TO;
    }
}
