package dev.maintenancedesk.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.maintenancedesk.plan.Frequency;
import dev.maintenancedesk.plan.Localized;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.ReleaseCadence;
import dev.maintenancedesk.plan.ReleaseTag;
import java.time.LocalDate;
import java.util.List;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default calendar: PATCH every Tuesday, MINOR the first Tuesday of a month, MAJOR that of Jan/Apr/Jul/Oct. */
class ReleaseWindowsTest {

    private final ReleaseWindows windows = new ReleaseWindows(PlanLoader.loadDefault());

    @ParameterizedTest
    @CsvSource({
            // from,       release, window date, kind
            "2026-03-30, PATCH, 2026-03-31, PATCH",   // Monday before the last Tuesday of March
            "2026-03-31, PATCH, 2026-03-31, PATCH",   // a window day is its own next window
            "2026-03-31, MINOR, 2026-04-07, MAJOR",   // month and quarter boundary: first Tuesday of April
            "2026-03-31, MAJOR, 2026-04-07, MAJOR",
            "2026-04-07, MINOR, 2026-04-07, MAJOR",   // on or after: the window of the day itself
            "2026-04-08, MAJOR, 2026-07-07, MAJOR",   // just missed the quarter
            "2026-04-08, MINOR, 2026-05-05, MINOR",
            "2026-04-08, PATCH, 2026-04-14, PATCH",
            "2026-04-30, MINOR, 2026-05-05, MINOR",   // end of month
            "2026-12-29, PATCH, 2026-12-29, PATCH",   // year end
            "2026-12-30, MINOR, 2027-01-05, MAJOR",   // year boundary, first Tuesday of January
            "2026-09-30, MAJOR, 2026-10-06, MAJOR"})  // end of quarter
    void firstWindowOnOrAfter(LocalDate from, ReleaseTag release, LocalDate date, ReleaseTag kind) {
        assertThat(windows.firstOnOrAfter(from, release)).contains(new ReleaseWindow(date, kind));
    }

    @ParameterizedTest
    @CsvSource({"PATCH, PATCH, true", "MINOR, PATCH, false", "MINOR, MINOR, true", "MINOR, MAJOR, true",
            "MAJOR, MINOR, false", "MAJOR, MAJOR, true", "PATCH, MAJOR, true"})
    void windowRules(ReleaseTag release, ReleaseTag kind, boolean allowed) {
        assertThat(new ReleaseWindow(LocalDate.of(2026, 1, 6), kind).allows(release)).isEqualTo(allowed);
    }

    @Test
    void betweenListsEachWindowDayOnceWithItsLargestKind() {
        assertThat(windows.between(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 14))).containsExactly(
                new ReleaseWindow(LocalDate.of(2026, 3, 31), ReleaseTag.PATCH),
                new ReleaseWindow(LocalDate.of(2026, 4, 7), ReleaseTag.MAJOR));
    }

    @Test
    void aRuleThatNeverFiresGivesNoWindow() {
        ReleaseWindows never = new ReleaseWindows(List.of(new ReleaseCadence(ReleaseTag.MINOR, Frequency.MONTHLY, false,
                new Localized("x", "x"), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")));
        assertThat(never.firstOnOrAfter(LocalDate.of(2026, 1, 1), ReleaseTag.PATCH)).isEmpty();
    }

    @Test
    void anInvalidWindowRuleIsRefused() {
        assertThatThrownBy(() -> new ReleaseWindows(List.of(new ReleaseCadence(ReleaseTag.MINOR, Frequency.MONTHLY,
                false, new Localized("x", "x"), "FREQ=SOMETIMES")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"FREQ=SOMETIMES\" is not a valid RFC 5545 RRULE");
    }

    @Test
    void onlyThisClassWalksReleaseWindowRules() {
        // Release windows: ReleaseWindows alone; preventive rhythms: PreventiveAction alone (the plan's own
        // occurrences of an action, which the preventive calendar reads).
        noClasses().that().doNotHaveFullyQualifiedName(ReleaseWindows.class.getName())
                .and().doNotHaveFullyQualifiedName("dev.maintenancedesk.plan.PreventiveAction")
                .should().dependOnClassesThat().areAssignableTo(RecurrenceRuleIterator.class)
                .because("one class answers \"the first window on or after a day\", one the dates of a preventive action")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.maintenancedesk"));
    }

    @Test
    void theCesizenCadencesComeWithTheirNextThreeDays() {
        List<ReleaseWindows.Cadence> cadences = new ReleaseWindows(PlanLoader.loadDefault())
                .cadences(LocalDate.of(2026, 3, 31), 3);
        assertThat(cadences).extracting(ReleaseWindows.Cadence::tag)
                .containsExactly(ReleaseTag.PATCH, ReleaseTag.MINOR, ReleaseTag.MAJOR);
        assertThat(cadences.get(0).next()).containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 7),
                LocalDate.of(2026, 4, 14));
        assertThat(cadences.get(1).next()).containsExactly(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 5, 5),
                LocalDate.of(2026, 6, 2));
        assertThat(cadences.get(2).next()).containsExactly(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 7, 7),
                LocalDate.of(2026, 10, 6));
        assertThat(cadences.get(1).words("fr")).isEqualTo("le premier mardi de chaque mois");
        assertThat(cadences.get(2).words("en")).isEqualTo("the first Tuesday of January, April, July and October");
    }
}
