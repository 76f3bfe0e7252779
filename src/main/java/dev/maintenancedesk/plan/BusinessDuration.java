package dev.maintenancedesk.plan;

/**
 * An amount of business time as the plan writes it ({@code 30m}, {@code 1h}, {@code 1d}); {@code minutes}
 * is resolved at load time because a day is the calendar's standard working day, not 24 hours.
 */
public record BusinessDuration(long amount, Unit unit, long minutes) implements SlaTarget {

    public enum Unit {
        MINUTES("m"), HOURS("h"), DAYS("d");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public static BusinessDuration ofMinutes(long minutes) {
        return new BusinessDuration(minutes, Unit.MINUTES, minutes);
    }

    @Override
    public String toString() {
        return amount + unit.symbol;
    }
}
