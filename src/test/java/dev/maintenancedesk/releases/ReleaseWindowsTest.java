package dev.maintenancedesk.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.ReleaseTag;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default calendar: PATCH every Tuesday, MINOR the first Tuesday of a month, MAJOR that of Jan/Apr/Jul/Oct. */
class ReleaseWindowsTest {

    private final ReleaseWindows windows = new ReleaseWindows(PlanLoader.loadDefault());

    @ParameterizedTest
    @CsvSource({
            // from,       bump,  window date, kind
            "2026-03-30, PATCH, 2026-03-31, PATCH",   // Monday before the last Tuesday of March
            "2026-03-31, PATCH, 2026-03-31, PATCH",   // a window day is its own next window
            "2026-03-31, MINOR, 2026-04-07, MAJOR",   // month and quarter boundary: first Tuesday of April
            "2026-03-31, MAJOR, 2026-04-07, MAJOR",
            "2026-04-08, MAJOR, 2026-07-07, MAJOR",   // just missed the quarter
            "2026-04-08, MINOR, 2026-05-05, MINOR",
            "2026-04-08, PATCH, 2026-04-14, PATCH",
            "2026-04-30, MINOR, 2026-05-05, MINOR",   // end of month
            "2026-12-29, PATCH, 2026-12-29, PATCH",   // year end
            "2026-12-30, MINOR, 2027-01-05, MAJOR",   // year boundary, first Tuesday of January
            "2026-09-30, MAJOR, 2026-10-06, MAJOR"})  // end of quarter
    void nextWindow(LocalDate from, Bump bump, LocalDate date, ReleaseTag kind) {
        assertThat(windows.next(from, bump)).contains(new ReleaseWindow(date, kind));
    }

    @ParameterizedTest
    @CsvSource({"PATCH, PATCH, true", "MINOR, PATCH, false", "MINOR, MINOR, true", "MINOR, MAJOR, true",
            "MAJOR, MINOR, false", "MAJOR, MAJOR, true", "PATCH, MAJOR, true"})
    void windowRules(Bump bump, ReleaseTag kind, boolean allowed) {
        assertThat(new ReleaseWindow(LocalDate.of(2026, 1, 6), kind).allows(bump)).isEqualTo(allowed);
    }
}
