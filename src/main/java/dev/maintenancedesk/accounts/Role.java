package dev.maintenancedesk.accounts;

/** Roles in increasing power: each includes what the ones before it may do. */
public enum Role {
    REPORTER, DEVELOPER, LEAD, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
