package dev.maintenancedesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.PlanLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of business-time arithmetic over random instants and durations, in zones with very different
 * DST rules: Paris and New York (spring forward, fall back, on different dates), Sydney (southern
 * hemisphere, DST across the year end), Kolkata (no DST, half-hour offset). The lunch-break calendar
 * makes slots end in the middle of the day too.
 */
class BusinessCalendarPropertiesTest {

    static final Map<String, CalendarSettings> SETTINGS = Map.of(
            "Paris", PlanLoader.loadDefault().calendar(),
            "Paris lunch", Calendars.weekdays("Europe/Paris", "FR", null, "09:00-12:30", "13:30-18:00"),
            "New York", Calendars.weekdays("America/New_York", "US", "ny", "09:00-17:00"),
            "Sydney", Calendars.weekdays("Australia/Sydney", "AU", "nsw", "08:30-12:00", "13:00-17:30"),
            "Kolkata", Calendars.weekdays("Asia/Kolkata", "IN", null, "10:00-19:00"),
            // open at night across the DST changes, every day of the week
            "Paris night", Calendars.settings("Europe/Paris", null, null, List.of(DayOfWeek.values()),
                    List.of(), "00:30-03:30", "22:00-23:59"));

    static final Map<String, BusinessCalendar> CALENDARS = SETTINGS.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> BusinessCalendar.of(e.getValue())));

    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2029-01-01T00:00:00Z");

    record Case(String calendar, Instant start, Duration businessTime) {
        BusinessCalendar cal() {
            return CALENDARS.get(calendar);
        }
    }

    @Provide
    Arbitrary<String> calendars() {
        return Arbitraries.of(CALENDARS.keySet());
    }

    @Provide
    Arbitrary<Instant> instants() {
        // whole minutes half of the time: closing and opening instants are where the bugs live
        Arbitrary<Instant> seconds = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> minutes = Arbitraries.longs().between(FROM.getEpochSecond() / 60, TO.getEpochSecond() / 60)
                .map(m -> Instant.ofEpochSecond(m * 60));
        Arbitrary<Instant> nanos = Combinators.combine(seconds, Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::plusNanos);
        return Arbitraries.oneOf(seconds, minutes, nanos);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 60L * 24 * 60).map(Duration::ofMinutes),
                Arbitraries.of(60L, 180L, 120L, 360L, 540L, 2700L, 1080L).map(Duration::ofMinutes),
                Arbitraries.longs().between(0, 3L * 365 * 86400).map(Duration::ofSeconds));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(calendars(), instants(), durations()).as(Case::new);
    }

    @Property(tries = 3000)
    void betweenUndoesAdd(@ForAll("cases") Case c) {
        Instant due = c.cal().add(c.start(), c.businessTime());
        assertThat(c.cal().between(c.start(), due)).isEqualTo(c.businessTime());
    }

    @Property(tries = 2000)
    void addIsMonotonicInTheDuration(@ForAll("cases") Case c, @ForAll("durations") Duration more) {
        Instant due = c.cal().add(c.start(), c.businessTime());
        Instant later = c.cal().add(c.start(), c.businessTime().plus(more));
        assertThat(later).isAfterOrEqualTo(due);
        if (!more.isZero()) {
            assertThat(later).isAfter(due);
        }
    }

    @Property(tries = 2000)
    void addIsMonotonicInTheStart(@ForAll("cases") Case c, @ForAll("durations") Duration shift) {
        Instant due = c.cal().add(c.start(), c.businessTime());
        Instant shifted = c.cal().add(c.start().plus(shift), c.businessTime());
        assertThat(shifted).isAfterOrEqualTo(due);
    }

    @Property(tries = 3000)
    void aDeadlineIsNeverInClosedHoursExceptAtAClosingTime(@ForAll("cases") Case c) {
        BusinessCalendar cal = c.cal();
        Instant due = cal.add(c.start(), c.businessTime());
        if (c.businessTime().isZero()) {
            // nothing to add: the clock's start, i.e. the first business instant at or after the start
            assertThat(due).isEqualTo(cal.nextBusinessInstant(c.start()));
            assertThat(cal.isOpen(due)).as("open at %s", due).isTrue();
            return;
        }
        if (!cal.isOpen(due)) {
            // closed at the deadline: it must be the end of a slot, i.e. open just before
            assertThat(cal.isOpen(due.minusNanos(1))).as("open just before %s", due).isTrue();
            assertThat(isClosingTime(SETTINGS.get(c.calendar()), due)).as("%s is a configured closing time", due).isTrue();
        }
        assertThat(due).isAfter(c.start());
    }

    @Property(tries = 2000)
    void betweenIsAdditiveAndAntisymmetric(@ForAll("calendars") String name, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b, @ForAll("instants") Instant m) {
        BusinessCalendar cal = CALENDARS.get(name);
        assertThat(cal.between(a, b)).isEqualTo(cal.between(a, m).plus(cal.between(m, b)));
        assertThat(cal.between(b, a)).isEqualTo(cal.between(a, b).negated());
    }

    @Property(tries = 2000)
    void nextBusinessInstantIsOpenAndNothingIsSkipped(@ForAll("calendars") String name, @ForAll("instants") Instant t) {
        BusinessCalendar cal = CALENDARS.get(name);
        Instant next = cal.nextBusinessInstant(t);
        assertThat(next).isAfterOrEqualTo(t);
        assertThat(cal.isOpen(next)).isTrue();
        assertThat(cal.between(t, next)).isZero();
    }

    /** Whether {@code due} is the end of one of the ranges of its local date (wall clock, in the zone). */
    private static boolean isClosingTime(CalendarSettings settings, Instant due) {
        LocalDate day = LocalDate.ofInstant(due, settings.zone());
        return settings.hoursOn(day.getDayOfWeek()).stream()
                .anyMatch(r -> ZonedDateTime.of(day, r.end(), settings.zone()).toInstant().equals(due));
    }
}
