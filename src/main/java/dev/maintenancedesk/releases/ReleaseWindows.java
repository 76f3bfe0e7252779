package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.ReleaseCadence;
import dev.maintenancedesk.plan.ReleaseTag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/** The release calendar of the plan: the days each kind of release may ship, from its RFC 5545 rule. */
public final class ReleaseWindows {

    /** How far ahead a window is looked for before giving up (a rule that never fires). */
    static final int HORIZON_YEARS = 5;

    private final Map<ReleaseTag, RecurrenceRule> rules = new EnumMap<>(ReleaseTag.class);

    public ReleaseWindows(Plan plan) {
        this(plan.releaseCalendar());
    }

    public ReleaseWindows(List<ReleaseCadence> calendar) {
        for (ReleaseCadence cadence : calendar) {
            try {
                rules.put(cadence.tag(), new RecurrenceRule(cadence.window()));
            } catch (InvalidRecurrenceRuleException e) {
                throw new IllegalArgumentException("release window of " + cadence.tag() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The first day on or after {@code from} that allows {@code bump}. */
    public Optional<ReleaseWindow> next(LocalDate from, Bump bump) {
        LocalDate best = null;
        for (Map.Entry<ReleaseTag, RecurrenceRule> e : rules.entrySet()) {
            if (new ReleaseWindow(from, e.getKey()).allows(bump)) {
                LocalDate day = first(e.getValue(), from);
                if (day != null && (best == null || day.isBefore(best))) {
                    best = day;
                }
            }
        }
        return Optional.ofNullable(best).map(this::on);
    }

    /** The windows from {@code from} (inclusive) to {@code to} (exclusive), one per day. */
    public List<ReleaseWindow> between(LocalDate from, LocalDate to) {
        List<ReleaseWindow> windows = new ArrayList<>();
        LocalDate day = from;
        while (day.isBefore(to)) {
            Optional<ReleaseWindow> next = next(day, Bump.PATCH);
            if (next.isEmpty() || !next.get().date().isBefore(to)) {
                break;
            }
            windows.add(next.get());
            day = next.get().date().plusDays(1);
        }
        return windows;
    }

    /** The window on {@code day} (the largest kind whose rule fires that day), or a PATCH-less null. */
    ReleaseWindow on(LocalDate day) {
        ReleaseTag kind = null;
        for (Map.Entry<ReleaseTag, RecurrenceRule> e : rules.entrySet()) {
            if (day.equals(first(e.getValue(), day)) && (kind == null || e.getKey().compareTo(kind) > 0)) {
                kind = e.getKey();
            }
        }
        return kind == null ? null : new ReleaseWindow(day, kind);
    }

    private static LocalDate first(RecurrenceRule rule, LocalDate from) {
        RecurrenceRuleIterator it = rule.iterator(new DateTime(from.getYear(), from.getMonthValue() - 1, from.getDayOfMonth()));
        LocalDate limit = from.plusYears(HORIZON_YEARS);
        while (it.hasNext()) {
            DateTime d = it.nextDateTime();
            LocalDate day = LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth());
            if (day.isAfter(limit)) {
                return null;
            }
            if (!day.isBefore(from)) {
                return day;
            }
        }
        return null;
    }
}
