package dev.maintenancedesk.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.CalendarSettings.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Business-time arithmetic over a plan's calendar: opening hours per weekday (half-open ranges, several
 * a day), public holidays, extra closures, in one IANA zone. Immutable and thread-safe.
 *
 * <p>Opening intervals are computed per local date (wall-clock ranges converted with the zone, so DST is
 * right by construction) and cached per ~388-day slice as sorted arrays with running totals: adding
 * business time or measuring it is a couple of binary searches, never a walk minute by minute.
 *
 * <p>Conventions (DESIGN §5, as Request Tracker, Zammad and GLPI do): hours are half-open, so an instant
 * at closing time is closed and the clock starts at the next opening; {@link #add} returns the end of
 * the last slot used (a deadline that uses a day up to closing is that day's closing time). A deadline
 * never falls inside closed hours: adding zero from a closed instant gives the next opening.
 */
public final class BusinessCalendar {

    /** Years of standard business days {@link #add} accepts at most: beyond that a duration is a typo, not an SLA. */
    public static final int MAX_YEARS_OF_BUSINESS_DAYS = 100;

    private static final int CACHED_SLICES = 512;
    /**
     * Slices outside 1970–2513 that stay cached (~8 KB each): instants the API and CLI refuse (see
     * {@link BusinessTimeInput}), reached only by long additions, so a few suffice and memory stays bounded.
     */
    static final int FAR_SLICES = 64;
    /** Slices in a row without any opening before a search gives up instead of looping for ever. */
    private static final int MAX_EMPTY_SLICES = 4;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> hours;
    private final PublicHolidays holidays;
    private final Set<LocalDate> closures;
    private final Duration standardDay;
    private final Duration maxBusinessTime;
    // Slices 0..511 cover 1970 to about 2513 in a plain array: the hot path takes no lock and boxes no
    // key. Others (rare) go to a bounded cache, so that no input can grow memory for ever.
    private final AtomicReferenceArray<OpeningBlock> slices = new AtomicReferenceArray<>(CACHED_SLICES);
    private final Cache<Long, OpeningBlock> farSlices = Caffeine.newBuilder().maximumSize(FAR_SLICES).build();

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<TimeRange>> hours, PublicHolidays holidays,
            Set<LocalDate> closures, Duration standardDay) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
        this.closures = closures;
        this.standardDay = standardDay;
        this.maxBusinessTime = standardDay.multipliedBy(MAX_YEARS_OF_BUSINESS_DAYS * 366L);
    }

    /**
     * The calendar a plan describes.
     *
     * @throws IllegalArgumentException when it has no business hours on any day (no deadline could ever
     *         be reached), or its holiday country or region is unknown
     */
    public static BusinessCalendar of(CalendarSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = settings.hoursOn(day).stream().filter(r -> r.start().isBefore(r.end()))
                    .sorted(Comparator.comparing(TimeRange::start)).toList();
            if (!ranges.isEmpty()) {
                week.put(day, ranges);
            }
        }
        if (week.isEmpty()) {
            throw new IllegalArgumentException("the calendar has no business hours on any day");
        }
        List<LocalDate> closed = settings.closures() == null ? List.of() : settings.closures();
        return new BusinessCalendar(settings.zone(), week, PublicHolidays.of(settings.holidays()),
                Set.copyOf(closed), Duration.ofMinutes(settings.standardDayMinutes()));
    }

    public ZoneId zone() {
        return zone;
    }

    /** One business day ({@code 1d} in the plan): the length of the calendar's standard working day. */
    public Duration standardDay() {
        return standardDay;
    }

    /** The longest business time {@link #add} accepts: {@value #MAX_YEARS_OF_BUSINESS_DAYS} years of standard days. */
    public Duration maxBusinessTime() {
        return maxBusinessTime;
    }

    /** Whether {@code date} has business hours: an open weekday that is neither a holiday nor a closure. */
    public boolean isBusinessDay(LocalDate date) {
        return hours.containsKey(date.getDayOfWeek()) && !closures.contains(date) && !holidays.contains(date);
    }

    public boolean isPublicHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** Whether business time runs at {@code instant} (closing instants are closed). */
    public boolean isOpen(Instant instant) {
        return nextBusinessInstant(instant).equals(instant);
    }

    /** The end of business hours on {@code date}, or empty when it is not a business day. */
    public Optional<Instant> closingTime(LocalDate date) {
        if (!isBusinessDay(date)) {
            return Optional.empty();
        }
        List<TimeRange> ranges = hours.get(date.getDayOfWeek());
        return Optional.of(ZonedDateTime.of(date, ranges.get(ranges.size() - 1).end(), zone).toInstant());
    }

    /**
     * The deadline {@code businessTime} after {@code start}: the clock starts at the first business
     * instant at or after {@code start}, and the result is the end of the last slot used (zero: that
     * first business instant).
     *
     * @throws IllegalArgumentException for a negative duration or one above {@link #maxBusinessTime()}
     */
    public Instant add(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + businessTime);
        }
        if (businessTime.compareTo(maxBusinessTime) > 0) {
            throw new IllegalArgumentException("business time too large: " + businessTime);
        }
        if (businessTime.isZero()) {
            return nextBusinessInstant(start);
        }
        long k = sliceOf(start);
        OpeningBlock slice = slice(k);
        long position = slice.position(offsetIn(k, start));
        long remaining = businessTime.toNanos();
        int empty = 0;
        while (position + remaining > slice.total()) {
            remaining -= slice.total() - position;
            empty = slice.isEmpty() ? empty + 1 : 0;
            guard(empty);
            slice = slice(++k);
            position = 0;
        }
        return instant(k, slice.instantAt(position + remaining));
    }

    /**
     * Business time between two instants; negative when {@code end} is before {@code start}, so that
     * {@code between(a, b) == between(b, a).negated()}.
     */
    public Duration between(Instant start, Instant end) {
        if (end.isBefore(start)) {
            return between(end, start).negated();
        }
        long ka = sliceOf(start);
        long kb = sliceOf(end);
        OpeningBlock first = slice(ka);
        if (ka == kb) {
            return Duration.ofNanos(first.position(offsetIn(kb, end)) - first.position(offsetIn(ka, start)));
        }
        long nanos = first.total() - first.position(offsetIn(ka, start)) + slice(kb).position(offsetIn(kb, end));
        // whole slices add up in seconds (their totals are whole seconds): nanoseconds would overflow a
        // long after about 1,100 years of business time
        long seconds = 0;
        for (long k = ka + 1; k < kb; k++) {
            seconds += slice(k).total() / OpeningBlock.NANOS_PER_SECOND;
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /** {@code instant} itself when business time runs then, else the next opening. */
    public Instant nextBusinessInstant(Instant instant) {
        long k = sliceOf(instant);
        OpeningBlock slice = slice(k);
        long offset = offsetIn(k, instant);
        int i = slice.intervalAtOrAfter(offset);
        if (i < slice.size()) {
            return offset >= slice.open(i) ? instant : instant(k, slice.open(i));
        }
        for (int empty = 0;; empty++) {
            guard(empty);
            slice = slice(++k);
            if (!slice.isEmpty()) {
                return instant(k, slice.firstOpening());
            }
        }
    }

    private static void guard(int emptySlices) {
        if (emptySlices > MAX_EMPTY_SLICES) {
            throw new IllegalStateException("no business hours in " + MAX_EMPTY_SLICES + " years: every open day is closed");
        }
    }

    private static long sliceOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), OpeningBlock.SECONDS);
    }

    private static long offsetIn(long slice, Instant instant) {
        return (instant.getEpochSecond() - slice * OpeningBlock.SECONDS) * OpeningBlock.NANOS_PER_SECOND
                + instant.getNano();
    }

    private static Instant instant(long slice, long offset) {
        return Instant.ofEpochSecond(slice * OpeningBlock.SECONDS + offset / OpeningBlock.NANOS_PER_SECOND,
                offset % OpeningBlock.NANOS_PER_SECOND);
    }

    private OpeningBlock slice(long k) {
        if (k >= 0 && k < CACHED_SLICES) {
            int i = (int) k;
            OpeningBlock block = slices.get(i);
            if (block == null) {
                // a race builds the same immutable block twice at worst
                block = build(k);
                slices.set(i, block);
            }
            return block;
        }
        return farSlices.get(k, this::build);
    }

    private OpeningBlock build(long k) {
        long from = k * OpeningBlock.SECONDS;
        long to = from + OpeningBlock.SECONDS;
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(from), zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(to), zone).plusDays(1);
        long[] bounds = new long[64];
        int n = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            for (TimeRange range : hours.get(day.getDayOfWeek())) {
                // wall-clock times of this very date: a gap moves a time forward, an overlap takes the
                // earlier offset, so the interval holds exactly the real time the office is open
                long open = Math.max(from, ZonedDateTime.of(day, range.start(), zone).toEpochSecond());
                long close = Math.min(to, ZonedDateTime.of(day, range.end(), zone).toEpochSecond());
                if (close <= open) {
                    continue;
                }
                long o = (open - from) * OpeningBlock.NANOS_PER_SECOND;
                long c = (close - from) * OpeningBlock.NANOS_PER_SECOND;
                if (n > 0 && o <= bounds[2 * n - 1]) {
                    bounds[2 * n - 1] = Math.max(c, bounds[2 * n - 1]); // touching ranges form one slot
                    continue;
                }
                if (2 * n + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[2 * n] = o;
                bounds[2 * n + 1] = c;
                n++;
            }
        }
        return new OpeningBlock(bounds, n);
    }

    /** Far slices held now (after pending evictions), for tests. */
    long cachedFarSlices() {
        farSlices.cleanUp();
        return farSlices.estimatedSize();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + hours + ", holidays " + holidays + ", closures " + closures + "]";
    }
}
