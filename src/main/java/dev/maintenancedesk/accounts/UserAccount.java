package dev.maintenancedesk.accounts;

/** What other modules may know of a user. */
public record UserAccount(String username, String displayName, String email, Role role,
        String language, String timeZone, boolean enabled) {}
