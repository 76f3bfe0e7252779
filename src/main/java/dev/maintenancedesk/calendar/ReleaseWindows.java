package dev.maintenancedesk.calendar;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.RecurrenceWords;
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

/**
 * The release calendar of the plan (section 7): the days each kind of release may ship, from its RFC 5545
 * rule. The one question it answers is "the first window on or after a day"; a caller that wants a window
 * strictly later (a P4 deadline, the next removal window) asks from the day after. This is the only place
 * that walks the rules.
 */
public final class ReleaseWindows {

    /** Windows are monthly at most; ten years without one means the rule never fires. */
    public static final int HORIZON_YEARS = 10;

    private final Map<ReleaseTag, RecurrenceRule> rules = new EnumMap<>(ReleaseTag.class);
    private final Map<ReleaseTag, String> texts = new EnumMap<>(ReleaseTag.class);

    /** One kind's window as the plan writes it, with its next days (that rule's own, not a larger kind's). */
    public record Cadence(ReleaseTag tag, String rrule, List<LocalDate> next) {

        /** The rule in plain words ({@link RecurrenceWords}), or the rule itself when they cannot say it. */
        public String words(String language) {
            return RecurrenceWords.describe(rrule, language);
        }
    }

    public ReleaseWindows(Plan plan) {
        this(plan.releaseCalendar());
    }

    /** @throws IllegalArgumentException when a window is not a valid RRULE */
    public ReleaseWindows(List<ReleaseCadence> calendar) {
        for (ReleaseCadence cadence : calendar) {
            String rrule = cadence.window() == null ? "" : cadence.window().replaceFirst("^RRULE:", "");
            if (rrule.isBlank()) {
                continue; // a row without a window (the plan allows it) ships nothing on its own
            }
            try {
                rules.put(cadence.tag(), new RecurrenceRule(rrule));
                texts.put(cadence.tag(), rrule);
            } catch (InvalidRecurrenceRuleException e) {
                throw new IllegalArgumentException("\"" + rrule + "\" is not a valid RFC 5545 RRULE (release window of "
                        + cadence.tag() + "): " + e.getMessage(), e);
            }
        }
    }

    /** The first day on or after {@code day} whose window allows a {@code release} release. */
    public Optional<ReleaseWindow> firstOnOrAfter(LocalDate day, ReleaseTag release) {
        LocalDate best = null;
        for (Map.Entry<ReleaseTag, RecurrenceRule> e : rules.entrySet()) {
            if (e.getKey().compareTo(release) >= 0) {
                LocalDate first = first(e.getValue(), day);
                if (first != null && (best == null || first.isBefore(best))) {
                    best = first;
                }
            }
        }
        return Optional.ofNullable(best).map(this::on);
    }

    /** Each kind's window rule with its next {@code count} days on or after {@code from}, smallest kind first. */
    public List<Cadence> cadences(LocalDate from, int count) {
        List<Cadence> cadences = new ArrayList<>();
        for (Map.Entry<ReleaseTag, RecurrenceRule> e : rules.entrySet()) {
            List<LocalDate> next = new ArrayList<>();
            LocalDate day = from;
            while (next.size() < count) {
                LocalDate first = first(e.getValue(), day);
                if (first == null) {
                    break;
                }
                next.add(first);
                day = first.plusDays(1);
            }
            cadences.add(new Cadence(e.getKey(), texts.get(e.getKey()), List.copyOf(next)));
        }
        return cadences;
    }

    /** The windows from {@code from} (inclusive) to {@code to} (exclusive), one per day. */
    public List<ReleaseWindow> between(LocalDate from, LocalDate to) {
        List<ReleaseWindow> windows = new ArrayList<>();
        LocalDate day = from;
        while (day.isBefore(to)) {
            Optional<ReleaseWindow> next = firstOnOrAfter(day, ReleaseTag.PATCH);
            if (next.isEmpty() || !next.get().date().isBefore(to)) {
                break;
            }
            windows.add(next.get());
            day = next.get().date().plusDays(1);
        }
        return windows;
    }

    /** The window on {@code day}, a day some rule fires: the largest kind whose rule fires that day. */
    private ReleaseWindow on(LocalDate day) {
        ReleaseTag kind = null;
        for (Map.Entry<ReleaseTag, RecurrenceRule> e : rules.entrySet()) {
            if (day.equals(first(e.getValue(), day)) && (kind == null || e.getKey().compareTo(kind) > 0)) {
                kind = e.getKey();
            }
        }
        return new ReleaseWindow(day, kind);
    }

    private static LocalDate first(RecurrenceRule rule, LocalDate from) {
        LocalDate limit = from.plusYears(HORIZON_YEARS);
        try {
            // The plan gives no DTSTART, so the walk starts at the day itself; lib-recur yields that start only
            // when the rule fires on it, which is what makes "on or after" (and on(day)) hold.
            RecurrenceRuleIterator it = rule.iterator(new DateTime(from.getYear(), from.getMonthValue() - 1,
                    from.getDayOfMonth()));
            while (it.hasNext()) {
                DateTime d = it.nextDateTime();
                LocalDate date = LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth());
                if (date.isAfter(limit)) {
                    return null;
                }
                if (!date.isBefore(from)) {
                    return date;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            // lib-recur gives up on a valid rule that never fires (30 February): no window, not a failure
            return null;
        }
    }
}
