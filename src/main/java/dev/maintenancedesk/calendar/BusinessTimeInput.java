package dev.maintenancedesk.calendar;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * What business-time arithmetic accepts from outside (the API, the CLI): instants of the years
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR} (UTC) and business durations from zero to
 * {@link BusinessCalendar#maxBusinessTime()}. Every answer then costs a bounded amount of work and
 * memory, whoever asks; refusals name the parameter, as the caller spells it ({@code start},
 * {@code --start}).
 */
public final class BusinessTimeInput {

    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2200;

    private static final Instant EARLIEST = Year.of(FIRST_YEAR).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LATEST = Year.of(LAST_YEAR + 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private BusinessTimeInput() {}

    /**
     * {@code instant} when it lies in the supported years.
     *
     * @throws InvalidInput naming {@code field} otherwise
     */
    public static Instant instant(String field, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
            throw InvalidInput.of(FieldError.of(field, "year-out-of-range", instant + " is outside the years "
                    + FIRST_YEAR + "–" + LAST_YEAR, FIRST_YEAR, LAST_YEAR));
        }
        return instant;
    }

    /**
     * {@code minutes} of business time when {@code calendar} can add them.
     *
     * @throws InvalidInput naming {@code field} for a negative or absurdly large number
     */
    public static Duration businessMinutes(String field, long minutes, BusinessCalendar calendar) {
        if (minutes < 0) {
            throw InvalidInput.of(FieldError.of(field, "negative", minutes + " is negative"));
        }
        long max = calendar.maxBusinessTime().toMinutes();
        if (minutes > max) {
            throw InvalidInput.of(FieldError.of(field, "too-large", minutes + " is absurd (more than "
                    + BusinessCalendar.MAX_YEARS_OF_BUSINESS_DAYS + " years of business days, " + max + " minutes)", max));
        }
        return Duration.ofMinutes(minutes);
    }
}
