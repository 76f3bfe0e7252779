package dev.maintenancedesk.calendar;

import java.time.LocalDate;
import java.util.Optional;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/** The days of a release window, from the RFC 5545 RRULE of the plan's release calendar. */
final class ReleaseWindows {

    /** Windows are monthly at most; ten years without one means the rule never matches. */
    private static final int MAX_YEARS = 10;

    private final String rrule;
    private final RecurrenceRule rule;

    ReleaseWindows(String rrule) {
        this.rrule = rrule;
        try {
            this.rule = new RecurrenceRule(rrule);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalArgumentException("\"" + rrule + "\" is not a valid RFC 5545 RRULE: " + e.getMessage(), e);
        }
    }

    /** The first window day strictly after {@code day}. */
    Optional<LocalDate> firstAfter(LocalDate day) {
        // The rule is anchored on the day itself (the plan gives no DTSTART); RFC 5545 counts DTSTART as
        // an occurrence even when the rule does not match it, hence "strictly after".
        RecurrenceRuleIterator it = rule.iterator(new DateTime(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
        LocalDate limit = day.plusYears(MAX_YEARS);
        while (it.hasNext()) {
            DateTime next = it.nextDateTime();
            LocalDate date = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
            if (date.isAfter(limit)) {
                break;
            }
            if (date.isAfter(day)) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return rrule;
    }
}
