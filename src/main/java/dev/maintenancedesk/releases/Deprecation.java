package dev.maintenancedesk.releases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A registered deprecation: {@code key} announced in {@code announcedIn}, removable from
 * {@code earliestRemoval}, in the window of {@code earliestRemovalDate} (null when the calendar has none).
 */
public record Deprecation(String key, String description, Version announcedIn, Version earliestRemoval,
        LocalDate earliestRemovalDate, String announcedBy, OffsetDateTime announcedAt) {}
