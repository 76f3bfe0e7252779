package dev.maintenancedesk.plan;

import dev.maintenancedesk.plan.CalendarSettings.TimeRange;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plan's small time syntaxes: durations ({@code 30m}, {@code 1h}, {@code 1d}) and hour ranges. */
final class BusinessTimeParser {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([mhd])");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    private BusinessTimeParser() {}

    /** Empty with a problem when the text is not a positive duration. */
    static Optional<BusinessDuration> duration(String text, long dayMinutes, Node node, String key, String examples) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            node.problem(key, Problems.quote(text) + " is not a duration (examples: " + examples + ")");
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            node.problem(key, Problems.quote(text) + " must be longer than zero");
            return Optional.empty();
        }
        BusinessDuration.Unit unit = switch (m.group(2)) {
            case "m" -> BusinessDuration.Unit.MINUTES;
            case "h" -> BusinessDuration.Unit.HOURS;
            default -> BusinessDuration.Unit.DAYS;
        };
        long minutes = switch (unit) {
            case MINUTES -> amount;
            case HOURS -> amount * 60;
            case DAYS -> amount * dayMinutes;
        };
        return Optional.of(new BusinessDuration(amount, unit, minutes));
    }

    static Optional<TimeRange> range(String text) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeRange(
                    LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
