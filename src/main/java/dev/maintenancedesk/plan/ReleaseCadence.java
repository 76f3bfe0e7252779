package dev.maintenancedesk.plan;

/**
 * A row of the release calendar (section 7); {@code window} is an RFC 5545 RRULE giving the days a
 * release of this kind may ship.
 */
public record ReleaseCadence(ReleaseTag tag, Frequency frequency, boolean ifNeeded, Localized content,
        String window) {}
