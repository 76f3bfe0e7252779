package dev.maintenancedesk.plan;

/**
 * End of life (section 13). Removal is allowed only after more than {@code removalAfterMinorReleases}
 * MINOR cycles since the announcement.
 */
public record DeprecationPolicy(String label, boolean releaseNotesTag, boolean withdrawalPlanRequired,
        int removalAfterMinorReleases) {}
