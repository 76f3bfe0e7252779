package dev.maintenancedesk.calendar;

import static dev.maintenancedesk.calendar.Calendars.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.CalendarSettings.Holidays;
import dev.maintenancedesk.plan.PlanLoader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business-time arithmetic on the default calendar (Mon–Fri 09:00–18:00 Europe/Paris, French holidays). */
class BusinessCalendarTest {

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    @Nested
    class WorkedExamplesOfDesign {

        @Test
        void p1CreatedTuesdayAfternoon() {
            Instant created = at("2026-03-10T16:30:00+01:00");
            assertThat(PARIS.add(created, hours(1))).isEqualTo(at("2026-03-10T17:30:00+01:00"));
            assertThat(PARIS.add(created, hours(3))).isEqualTo(at("2026-03-11T10:30:00+01:00"));
        }

        @Test
        void p2SkipsAscensionThursday() {
            assertThat(PARIS.add(at("2026-05-13T15:00:00+02:00"), hours(6))).isEqualTo(at("2026-05-15T12:00:00+02:00"));
        }

        @Test
        void p2AcrossTheSpringDstChange() {
            assertThat(PARIS.add(at("2026-03-27T15:00:00+01:00"), hours(6))).isEqualTo(at("2026-03-30T12:00:00+02:00"));
        }

        @Test
        void oneBusinessDayFromMondayOpeningEndsAtMondayClosing() {
            assertThat(PARIS.standardDay()).isEqualTo(Duration.ofMinutes(540));
            assertThat(PARIS.add(at("2026-03-09T09:00:00+01:00"), PARIS.standardDay()))
                    .isEqualTo(at("2026-03-09T18:00:00+01:00"));
            assertThat(PARIS.add(at("2026-03-09T09:00:00+01:00"), PARIS.standardDay().multipliedBy(5)))
                    .isEqualTo(at("2026-03-13T18:00:00+01:00"));
        }
    }

    @Nested
    class OpeningAndClosing {

        @ParameterizedTest(name = "{0} + {1} min = {2}")
        @CsvSource({
                // created before opening: the clock starts at 09:00
                "2026-03-10T07:12:00+01:00, 60, 2026-03-10T10:00:00+01:00",
                // at 18:00 sharp the office is closed (half-open hours): next opening
                "2026-03-10T18:00:00+01:00, 60, 2026-03-11T10:00:00+01:00",
                "2026-03-10T17:59:59+01:00, 60, 2026-03-11T09:59:59+01:00",
                "2026-03-10T09:00:00+01:00, 60, 2026-03-10T10:00:00+01:00",
                // a deadline that uses a day up to closing is at 18:00, not the next opening
                "2026-03-10T17:00:00+01:00, 60, 2026-03-10T18:00:00+01:00",
                "2026-03-10T08:00:00+01:00, 540, 2026-03-10T18:00:00+01:00",
                "2026-03-10T23:00:00+01:00, 540, 2026-03-11T18:00:00+01:00",
                // weekends
                "2026-03-13T17:00:00+01:00, 120, 2026-03-16T10:00:00+01:00",
                "2026-03-14T11:00:00+01:00, 60, 2026-03-16T10:00:00+01:00",
                "2026-03-15T23:59:59+01:00, 540, 2026-03-16T18:00:00+01:00",
                "2026-03-13T18:00:00+01:00, 1, 2026-03-16T09:01:00+01:00",
                // P3 resolution (5d) over a weekend
                "2026-03-11T14:00:00+01:00, 2700, 2026-03-18T14:00:00+01:00",
                // year end: 31 Dec 2026 is a Thursday, 1 Jan 2027 a holiday (Friday)
                "2026-12-31T17:00:00+01:00, 120, 2027-01-04T10:00:00+01:00",
                "2026-12-31T17:00:00+01:00, 60, 2026-12-31T18:00:00+01:00",
                "2027-12-31T17:30:00+01:00, 60, 2028-01-03T09:30:00+01:00",
                // autumn DST change (Sunday 25 Oct 2026)
                "2026-10-23T15:00:00+02:00, 360, 2026-10-26T12:00:00+01:00",
        })
        void deadlines(String start, long minutes, String expected) {
            assertThat(PARIS.add(at(start), Duration.ofMinutes(minutes))).isEqualTo(at(expected));
            assertThat(PARIS.between(at(start), at(expected))).isEqualTo(Duration.ofMinutes(minutes));
        }

        @Test
        void addingNothingFromAClosedInstantGivesTheNextOpening() {
            // a deadline never falls inside closed hours (DESIGN §5): Friday 19:37 in Paris → Monday 09:00
            assertThat(PARIS.add(at("2027-10-22T17:37:00Z"), Duration.ZERO)).isEqualTo(at("2027-10-25T09:00:00+02:00"));
            assertThat(PARIS.add(at("2026-03-15T12:00:00+01:00"), Duration.ZERO)).isEqualTo(at("2026-03-16T09:00:00+01:00"));
            // closing time is closed (half-open hours)
            assertThat(PARIS.add(at("2026-03-10T18:00:00+01:00"), Duration.ZERO)).isEqualTo(at("2026-03-11T09:00:00+01:00"));
        }

        @Test
        void addingNothingFromAnOpenInstantIsThatInstant() {
            Instant open = at("2026-03-10T09:00:00.5+01:00");
            assertThat(PARIS.add(open, Duration.ZERO)).isEqualTo(open);
            assertThat(PARIS.add(at("2026-03-10T17:59:59+01:00"), Duration.ZERO)).isEqualTo(at("2026-03-10T17:59:59+01:00"));
        }

        @Test
        void subSecondPrecisionIsKept() {
            Instant start = at("2026-03-10T10:00:00.123456789+01:00");
            assertThat(PARIS.add(start, Duration.ofMinutes(30))).isEqualTo(at("2026-03-10T10:30:00.123456789+01:00"));
            assertThat(PARIS.add(start, Duration.ofHours(8))).isEqualTo(at("2026-03-11T09:00:00.123456789+01:00"));
            assertThat(PARIS.between(start, at("2026-03-10T18:00:00+01:00")))
                    .isEqualTo(Duration.ofHours(8).minusNanos(123456789));
        }

        @Test
        void nextBusinessInstant() {
            assertThat(PARIS.nextBusinessInstant(at("2026-03-10T18:00:00+01:00"))).isEqualTo(at("2026-03-11T09:00:00+01:00"));
            assertThat(PARIS.nextBusinessInstant(at("2026-03-10T17:59:59.999+01:00"))).isEqualTo(at("2026-03-10T17:59:59.999+01:00"));
            assertThat(PARIS.nextBusinessInstant(at("2026-03-14T10:00:00+01:00"))).isEqualTo(at("2026-03-16T09:00:00+01:00"));
            assertThat(PARIS.nextBusinessInstant(at("2026-04-03T18:30:00+02:00"))).isEqualTo(at("2026-04-07T09:00:00+02:00"));
            assertThat(PARIS.isOpen(at("2026-03-10T09:00:00+01:00"))).isTrue();
            assertThat(PARIS.isOpen(at("2026-03-10T18:00:00+01:00"))).isFalse();
        }

        @Test
        void betweenCountsOnlyBusinessTimeAndIsAntisymmetric() {
            Instant fri = at("2026-03-13T17:00:00+01:00");
            Instant mon = at("2026-03-16T10:30:00+01:00");
            assertThat(PARIS.between(fri, mon)).isEqualTo(Duration.ofMinutes(150));
            assertThat(PARIS.between(mon, fri)).isEqualTo(Duration.ofMinutes(-150));
            assertThat(PARIS.between(at("2026-03-14T10:00:00+01:00"), at("2026-03-15T10:00:00+01:00"))).isZero();
            // one calendar year: 2026 has 252 French business days (261 weekdays, 9 weekday holidays)
            assertThat(PARIS.between(at("2026-01-01T00:00:00+01:00"), at("2027-01-01T00:00:00+01:00")))
                    .isEqualTo(Duration.ofMinutes(252L * 540));
        }

        @Test
        void closingTimeOfADay() {
            assertThat(PARIS.closingTime(LocalDate.of(2026, 3, 30))).contains(at("2026-03-30T18:00:00+02:00"));
            assertThat(PARIS.closingTime(LocalDate.of(2026, 5, 14))).isEmpty();
            assertThat(PARIS.closingTime(LocalDate.of(2026, 5, 16))).isEmpty();
        }
    }

    @Nested
    class Refusals {

        @Test
        void aCalendarWithoutBusinessHoursIsRefusedRatherThanLoopingForEver() {
            var none = new CalendarSettings(ZoneId.of("Europe/Paris"), Map.of(), new Holidays("FR", null), List.of());
            assertThatThrownBy(() -> BusinessCalendar.of(none)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the calendar has no business hours on any day");
        }

        @Test
        void negativeAndAbsurdDurations() {
            Instant start = at("2026-03-10T10:00:00+01:00");
            assertThatThrownBy(() -> PARIS.add(start, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
            assertThatThrownBy(() -> PARIS.add(start, PARIS.maxBusinessTime().plusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
            // a hundred years of standard days (540 minutes) at most
            assertThat(PARIS.maxBusinessTime()).isEqualTo(Duration.ofMinutes(100L * 366 * 540));
            assertThat(PARIS.add(start, PARIS.maxBusinessTime())).isAfter(at("2150-01-01T00:00:00Z"));
        }

        @Test
        void anUnknownHolidayRegionOrCountryIsRefused() {
            assertThatThrownBy(() -> BusinessCalendar.of(Calendars.weekdays("Europe/Paris", "FR", "alsace", "09:00-18:00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("unknown holiday region \"alsace\" for country FR (known: ")
                    .hasMessageContaining("57");
            assertThatThrownBy(() -> BusinessCalendar.of(Calendars.weekdays("Europe/Paris", "ZZ", null, "09:00-18:00")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no public holidays known for country \"ZZ\"");
        }
    }

    @Nested
    class OtherCalendars {

        @Test
        void lunchBreak() {
            var cal = BusinessCalendar.of(Calendars.weekdays("Europe/Paris", "FR", null, "09:00-12:30", "13:30-18:00"));
            assertThat(cal.standardDay()).isEqualTo(Duration.ofMinutes(480));
            assertThat(cal.add(at("2026-03-10T11:30:00+01:00"), hours(2))).isEqualTo(at("2026-03-10T14:30:00+01:00"));
            // a deadline that uses the morning up to the break ends at 12:30, not 13:30
            assertThat(cal.add(at("2026-03-10T12:00:00+01:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-10T12:30:00+01:00"));
            assertThat(cal.add(at("2026-03-10T12:45:00+01:00"), hours(1))).isEqualTo(at("2026-03-10T14:30:00+01:00"));
            assertThat(cal.add(at("2026-03-10T12:30:00+01:00"), Duration.ofMinutes(1))).isEqualTo(at("2026-03-10T13:31:00+01:00"));
            assertThat(cal.nextBusinessInstant(at("2026-03-10T12:30:00+01:00"))).isEqualTo(at("2026-03-10T13:30:00+01:00"));
            assertThat(cal.between(at("2026-03-10T12:00:00+01:00"), at("2026-03-10T14:00:00+01:00"))).isEqualTo(hours(1));
        }

        @Test
        void touchingRangesFormOneSlot() {
            var cal = BusinessCalendar.of(Calendars.weekdays("Europe/Paris", null, null, "09:00-12:00", "12:00-18:00"));
            assertThat(cal.add(at("2026-03-10T11:00:00+01:00"), hours(2))).isEqualTo(at("2026-03-10T13:00:00+01:00"));
            assertThat(cal.between(at("2026-03-10T00:00:00+01:00"), at("2026-03-11T00:00:00+01:00"))).isEqualTo(hours(9));
        }

        @Test
        void hoursInsideTheDstChangesCountRealTime() {
            // open every day 01:00-05:00: on 29 Mar 2026 02:00-03:00 does not exist, on 25 Oct 02:00-03:00 happens twice
            var cal = BusinessCalendar.of(Calendars.settings("Europe/Paris", null, null, List.of(DayOfWeek.values()),
                    List.of(), "01:00-05:00"));
            assertThat(cal.between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).isEqualTo(hours(3));
            assertThat(cal.between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00"))).isEqualTo(hours(5));
            assertThat(cal.add(at("2026-03-29T01:30:00+01:00"), hours(1))).isEqualTo(at("2026-03-29T03:30:00+02:00"));
            assertThat(cal.add(at("2026-10-25T01:30:00+02:00"), hours(1))).isEqualTo(at("2026-10-25T02:30:00+02:00"));
            assertThat(cal.add(at("2026-10-25T01:30:00+02:00"), hours(2))).isEqualTo(at("2026-10-25T02:30:00+01:00"));
        }

        @Test
        void extraClosureDates() {
            var cal = BusinessCalendar.of(Calendars.settings("Europe/Paris", "FR", null,
                    List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                    List.of(LocalDate.of(2026, 12, 24)), "09:00-18:00"));
            assertThat(cal.isBusinessDay(LocalDate.of(2026, 12, 24))).isFalse();
            assertThat(cal.add(at("2026-12-23T17:00:00+01:00"), hours(2))).isEqualTo(at("2026-12-28T10:00:00+01:00"));
        }

        @Test
        void alsaceMoselleHasGoodFridayAndSaintStephen() {
            var moselle = BusinessCalendar.of(Calendars.weekdays("Europe/Paris", "FR", "57", "09:00-18:00"));
            var iso = BusinessCalendar.of(Calendars.weekdays("Europe/Paris", "FR", "FR-67", "09:00-18:00"));
            for (BusinessCalendar cal : List.of(moselle, iso)) {
                assertThat(cal.isBusinessDay(LocalDate.of(2026, 4, 3))).isFalse();
                assertThat(cal.isBusinessDay(LocalDate.of(2026, 12, 28))).isTrue();
                assertThat(cal.isPublicHoliday(LocalDate.of(2026, 12, 26))).isTrue();
                assertThat(cal.isBusinessDay(LocalDate.of(2026, 5, 14))).isFalse();
            }
            assertThat(PARIS.isBusinessDay(LocalDate.of(2026, 4, 3))).isTrue();
            assertThat(moselle.add(at("2026-04-02T17:00:00+02:00"), hours(2))).isEqualTo(at("2026-04-07T10:00:00+02:00"));
        }

        @Test
        void noCountryMeansNoHolidays() {
            var cal = BusinessCalendar.of(Calendars.weekdays("Europe/Paris", "", null, "09:00-18:00"));
            assertThat(cal.isBusinessDay(LocalDate.of(2026, 5, 14))).isTrue();
        }

        @Test
        void anObservedHolidayCountsOnItsObservedDay() {
            // 4 July 2026 is a Saturday: the US federal holiday is observed on Friday 3 July
            var ny = BusinessCalendar.of(Calendars.weekdays("America/New_York", "US", null, "09:00-17:00"));
            assertThat(ny.isBusinessDay(LocalDate.of(2026, 7, 3))).isFalse();
            assertThat(ny.add(at("2026-07-02T16:00:00-04:00"), hours(2))).isEqualTo(at("2026-07-06T10:00:00-04:00"));
        }

        @Test
        void farFutureAndPastStillWork() {
            assertThat(PARIS.add(at("2600-03-10T17:00:00+01:00"), hours(1))).isEqualTo(at("2600-03-10T18:00:00+01:00"));
            assertThat(PARIS.add(at("1950-03-10T17:00:00+01:00"), hours(2))).isEqualTo(at("1950-03-13T10:00:00+01:00"));
            Instant start = at("2026-03-10T10:00:00+01:00");
            Duration tenYears = PARIS.standardDay().multipliedBy(2520);
            assertThat(PARIS.between(start, PARIS.add(start, tenYears))).isEqualTo(tenYears);
        }

        @Test
        void betweenOverMillenniaDoesNotOverflow() {
            // two thousand years hold some 520 years of business time: more nanoseconds than a long holds
            Instant y3000 = at("3000-01-01T00:00:00Z");
            Instant y4000 = at("4000-01-01T00:00:00Z");
            Instant y5000 = at("5000-01-01T00:00:00Z");
            Duration whole = PARIS.between(y3000, y5000);
            assertThat(whole).isEqualTo(PARIS.between(y3000, y4000).plus(PARIS.between(y4000, y5000)));
            assertThat(whole).isGreaterThan(Duration.ofDays(365L * 500)).isLessThan(Duration.ofDays(365L * 600));
            assertThat(PARIS.between(y5000, y3000)).isEqualTo(whole.negated());
        }

        @Test
        void farAwayYearsStayCachedWithinABound() {
            var cal = BusinessCalendar.of(PlanLoader.loadDefault().calendar());
            cal.between(at("3000-01-01T00:00:00Z"), at("3300-01-01T00:00:00Z"));
            cal.between(at("1500-01-01T00:00:00Z"), at("1700-01-01T00:00:00Z"));
            assertThat(cal.cachedFarSlices()).isPositive().isLessThanOrEqualTo(BusinessCalendar.FAR_SLICES);
            // answers do not depend on what the cache still holds
            assertThat(cal.between(at("3000-01-01T00:00:00Z"), at("3001-01-01T00:00:00Z")))
                    .isEqualTo(PARIS.between(at("3000-01-01T00:00:00Z"), at("3001-01-01T00:00:00Z")));
        }
    }
}
