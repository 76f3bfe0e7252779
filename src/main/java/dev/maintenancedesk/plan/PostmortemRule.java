package dev.maintenancedesk.plan;

import java.time.Period;
import java.util.List;

/**
 * Which tickets need a post-mortem before closing (section 14) and the sections it must fill.
 * {@code causeResolvedAfter}: how long a root cause whose corrective actions are all closed must go
 * without a new incident before it is shown as resolved (calendar days, {@code cause_resolved_after: 90d}).
 */
public record PostmortemRule(List<Priority> priorities, List<String> labels, List<PostmortemSection> sections,
        Period causeResolvedAfter) {

    /** Ninety calendar days, when the plan says nothing. */
    public static final Period DEFAULT_CAUSE_RESOLVED_AFTER = Period.ofDays(90);

    public record PostmortemSection(String key, Localized title) {}
}
