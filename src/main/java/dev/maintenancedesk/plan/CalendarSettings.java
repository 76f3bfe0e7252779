package dev.maintenancedesk.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The business calendar behind every SLA clock: opening hours per weekday (half-open ranges), public
 * holidays of a country (and optional region), and extra closure dates. The arithmetic lives in the
 * calendar module; this is only what the plan says.
 */
public record CalendarSettings(ZoneId zone, Map<DayOfWeek, List<TimeRange>> hours, Holidays holidays,
        List<LocalDate> closures) {

    public List<TimeRange> hoursOn(DayOfWeek day) {
        return hours.getOrDefault(day, List.of());
    }

    public long minutesOn(DayOfWeek day) {
        return hoursOn(day).stream().mapToLong(TimeRange::minutes).sum();
    }

    /**
     * Length of the standard working day, the meaning of {@code 1d}: the most common daily total over
     * the open weekdays (the longest on a tie), so that a short Friday does not shrink every "day".
     */
    public long standardDayMinutes() {
        Map<Long, Long> frequency = hours.keySet().stream().map(this::minutesOn).filter(m -> m > 0)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return frequency.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparingLong(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(0L);
    }

    /** Opening hours {@code [start, end)} within one day. */
    public record TimeRange(LocalTime start, LocalTime end) {

        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }

        @JsonValue
        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** Public holidays: an ISO 3166 country and optional region code (jollyday's hierarchy). */
    public record Holidays(String country, String region) {}
}
