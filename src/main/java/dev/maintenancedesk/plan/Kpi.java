package dev.maintenancedesk.plan;

import java.math.BigDecimal;

/** A follow-up indicator of section 8 with its target, typed so it can be measured. */
public record Kpi(String key, Localized name, Target target) {

    /** {@code operator value unit}, plus the target as the plan words it. */
    public record Target(Operator operator, BigDecimal value, Unit unit, Localized text) {

        /** Whether {@code measured} meets the target; {@code previous} serves NOT_DECREASING. */
        public boolean isMetBy(BigDecimal measured, BigDecimal previous) {
            return switch (operator) {
                case AT_LEAST -> measured.compareTo(value) >= 0;
                case AT_MOST -> measured.compareTo(value) <= 0;
                case LESS_THAN -> measured.compareTo(value) < 0;
                case GREATER_THAN -> measured.compareTo(value) > 0;
                case EQUAL -> measured.compareTo(value) == 0;
                case NOT_DECREASING -> previous == null || measured.compareTo(previous) >= 0;
            };
        }
    }

    public enum Operator { AT_LEAST, AT_MOST, LESS_THAN, GREATER_THAN, EQUAL, NOT_DECREASING }

    public enum Unit { PERCENT, HOURS, COUNT }
}
