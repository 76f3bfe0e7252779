package dev.maintenancedesk.releases;

import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.ReleaseTag;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When a deprecated feature may go (DESIGN §6): not before the (N+1)-th MINOR-or-MAJOR release after
 * the one announcing it, N being the plan's {@code removalAfterMinorReleases}; the date is that many
 * MINOR-or-MAJOR windows of the release calendar later.
 */
public final class RemovalSchedule {

    private final Plan plan;
    private final int after;
    private ReleaseWindows windows;

    public RemovalSchedule(Plan plan) {
        this.plan = plan;
        this.after = plan.deprecation().removalAfterMinorReleases();
    }

    /** The lowest version that may remove what {@code announced} deprecates (assuming MINOR releases only). */
    public Version earliestVersion(Version announced) {
        return new Version(announced.major(), announced.minor() + after + 1, 0);
    }

    /** The (N+1)-th MINOR-or-MAJOR window after {@code announced}; empty when the calendar has none. */
    public Optional<LocalDate> earliestDate(LocalDate announced) {
        if (windows == null) {
            // parsed on first use: most release notes announce nothing, and a CLI run pays for every class
            windows = new ReleaseWindows(plan);
        }
        LocalDate day = announced;
        for (int i = 0; i <= after; i++) {
            Optional<ReleaseWindow> w = windows.firstOnOrAfter(day.plusDays(1), ReleaseTag.MINOR);
            if (w.isEmpty()) {
                return Optional.empty();
            }
            day = w.get().date();
        }
        return Optional.of(day);
    }
}
