package dev.maintenancedesk.calendar;

import static dev.maintenancedesk.calendar.Calendars.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every French public holiday of 2026 and 2027, written out by hand (not asked of jollyday) so that a
 * wrong or missing rule in the library fails here.
 */
class FrenchPublicHolidaysTest {

    private static final ZoneId PARIS_ZONE = ZoneId.of("Europe/Paris");

    static final List<LocalDate> HOLIDAYS = Stream.of(
            "2026-01-01", "2026-04-06" /* Easter Monday */, "2026-05-01", "2026-05-08", "2026-05-14" /* Ascension */,
            "2026-05-25" /* Whit Monday */, "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
            "2027-01-01", "2027-03-29" /* Easter Monday */, "2027-05-01", "2027-05-06" /* Ascension */, "2027-05-08",
            "2027-05-17" /* Whit Monday */, "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25")
            .map(LocalDate::parse).toList();

    static List<LocalDate> holidays() {
        return HOLIDAYS;
    }

    private static boolean weekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static boolean open(LocalDate d) {
        return weekday(d) && !HOLIDAYS.contains(d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("holidays")
    void aDeadlineSpanningTheHolidayIsPushedByOneDay(LocalDate holiday) {
        assertThat(PARIS.isPublicHoliday(holiday)).isTrue();
        assertThat(PARIS.isBusinessDay(holiday)).isFalse();
        LocalDate before = holiday.minusDays(1);
        while (!open(before)) {
            before = before.minusDays(1);
        }
        LocalDate after = holiday.plusDays(1);
        while (!open(after)) {
            after = after.plusDays(1);
        }
        // 2h from 17:00 on the business day before: 1h that day, 1h on the next business day
        var start = ZonedDateTime.of(before, LocalTime.of(17, 0), PARIS_ZONE).toInstant();
        assertThat(PARIS.add(start, Duration.ofHours(2)))
                .isEqualTo(ZonedDateTime.of(after, LocalTime.of(10, 0), PARIS_ZONE).toInstant());
    }

    @Test
    void noOtherWeekdayOf2026Or2027IsClosed() {
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
            assertThat(PARIS.isBusinessDay(d)).as(d.toString()).isEqualTo(open(d));
        }
    }
}
