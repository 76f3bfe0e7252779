package dev.maintenancedesk.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A recurring preventive action (section 11): an RFC 5545 rule gives the days it falls due (read from
 * 1 January 2000, the plan's fixed DTSTART, so that {@code INTERVAL} rules have a known phase); each
 * occurrence is one period that opens one ticket, due {@code dueBusinessDays} business days later, with
 * the checklist as its description. {@code frequency} is derived from the rule (null when the rule fits
 * none of the plan's frequencies, e.g. every other week) and names the period;
 * {@code measuresRestoreTime}: its evidence must give the measured restore time (the backup restore test). Periods: {@code 2026-11} (monthly),
 * {@code 2026-Q4} (quarterly), {@code 2026-H2} (half-yearly), {@code 2026} (yearly), else the date.
 */
public record PreventiveAction(String key, Localized name, String rule, Frequency frequency, int dueBusinessDays,
        List<String> labels, List<Localized> checklist, boolean measuresRestoreTime) {

    /** The DTSTART every preventive rule is read from. */
    public static final LocalDate ANCHOR = LocalDate.of(2000, 1, 1);
    /** A rule that does not fire before this date never fires for the desk. */
    static final LocalDate NEVER = LocalDate.of(2100, 1, 1);

    public PreventiveAction {
        labels = List.copyOf(labels);
        checklist = List.copyOf(checklist);
    }

    /** Why a rule cannot drive a preventive action, or empty when it can. */
    static Optional<String> ruleProblem(String rule) {
        RecurrenceRule r;
        try {
            r = parse(rule);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            return Optional.of(Problems.quote(rule) + " is not a valid RFC 5545 RRULE ("
                    + Problems.firstLine(e.getMessage()) + "; example: FREQ=MONTHLY;BYMONTHDAY=1)");
        }
        if (r.hasPart(RecurrenceRule.Part.COUNT) || r.hasPart(RecurrenceRule.Part.UNTIL)) {
            return Optional.of(Problems.quote(rule) + " must recur without end (no COUNT or UNTIL)");
        }
        if (r.getFreq().ordinal() > Freq.DAILY.ordinal()) {
            return Optional.of(Problems.quote(rule) + " fires more than once a day (use FREQ=DAILY or coarser)");
        }
        if (dates(r, ANCHOR.plusYears(1), NEVER).isEmpty()) {
            return Optional.of(Problems.quote(rule) + " never fires (example: FREQ=MONTHLY;BYMONTHDAY=1)");
        }
        return Optional.empty();
    }

    /** The plan frequency a rule amounts to: same count of occurrences each year, one per month/quarter/half. */
    static Frequency frequencyOf(String rule) {
        List<LocalDate> dates;
        try {
            dates = dates(parse(rule), LocalDate.of(2001, 1, 1), LocalDate.of(2004, 12, 31));
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            return null;
        }
        for (Frequency f : List.of(Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.SEMIANNUAL, Frequency.ANNUAL)) {
            Set<String> periods = dates.stream().map(d -> period(f, d)).collect(Collectors.toSet());
            int perYear = switch (f) {
                case MONTHLY -> 12;
                case QUARTERLY -> 4;
                case SEMIANNUAL -> 2;
                default -> 1;
            };
            if (dates.size() == 4 * perYear && periods.size() == dates.size()) {
                return f;
            }
        }
        if (dates.size() >= 4 * 52 && dates.size() <= 4 * 53 && dates.stream().map(LocalDate::getDayOfWeek).distinct().count() == 1) {
            return Frequency.WEEKLY;
        }
        return null;
    }

    /** The days the action falls due in [{@code from}, {@code to}], oldest first. */
    public List<LocalDate> occurrences(LocalDate from, LocalDate to) {
        try {
            return dates(parse(rule), from, to);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException("the plan validated this rule: " + rule, e);
        }
    }

    /** The last day the action fell due on or before {@code day}, if any within a year's span of its rhythm. */
    public Optional<LocalDate> latestOnOrBefore(LocalDate day) {
        List<LocalDate> dates = occurrences(day.minusYears(2), day);
        return dates.isEmpty() ? Optional.empty() : Optional.of(dates.getLast());
    }

    /** The period an occurrence stands for, e.g. {@code 2026-11}, {@code 2026-Q4}: the ticket's unique key with the action's. */
    public String period(LocalDate occurrence) {
        return period(frequency, occurrence);
    }

    private static String period(Frequency f, LocalDate d) {
        if (f == null) {
            return d.toString();
        }
        return switch (f) {
            case MONTHLY -> String.format("%d-%02d", d.getYear(), d.getMonthValue());
            case QUARTERLY -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case SEMIANNUAL -> d.getYear() + "-H" + (d.getMonthValue() <= 6 ? 1 : 2);
            case ANNUAL -> String.valueOf(d.getYear());
            case WEEKLY -> d.toString();
        };
    }

    /**
     * The action's rhythm in words, e.g. "Mensuelle : le 1er de chaque mois", "Quarterly: on the 1st of January,
     * April, July and October"; read from the days the rule gives in a year, never the raw rule.
     */
    public String rhythm(String language) {
        boolean en = "en".equals(language);
        List<LocalDate> year = occurrences(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31));
        String adjective = frequency == null ? null : frequency.feminine().in(language);
        String days = days(year, en);
        if (days == null) {
            return adjective != null ? adjective
                    : en ? year.size() + " times a year" : year.size() + " fois par an";
        }
        return adjective == null ? capitalised(days) : adjective + (en ? ": " : " : ") + days;
    }

    private static String days(List<LocalDate> year, boolean en) {
        if (year.isEmpty()) {
            return null;
        }
        Set<DayOfWeek> weekdays = year.stream().map(LocalDate::getDayOfWeek).collect(Collectors.toSet());
        if (year.size() >= 52 && weekdays.size() == 1) {
            String day = weekdays.iterator().next().getDisplayName(TextStyle.FULL, en ? Locale.ENGLISH : Locale.FRENCH);
            return en ? "every " + day : "chaque " + day;
        }
        Set<Integer> monthDays = year.stream().map(LocalDate::getDayOfMonth).collect(Collectors.toSet());
        TreeSet<Month> months = year.stream().map(LocalDate::getMonth).collect(Collectors.toCollection(TreeSet::new));
        if (monthDays.size() != 1 || months.size() != year.size()) {
            return null;
        }
        int d = monthDays.iterator().next();
        String day = en ? ordinal(d) : d == 1 ? "1er" : String.valueOf(d);
        if (months.size() == 12) {
            return en ? "on the " + day + " of every month" : "le " + day + " de chaque mois";
        }
        Function<Month, String> name = m -> m.getDisplayName(TextStyle.FULL, en ? Locale.ENGLISH : Locale.FRENCH);
        List<String> names = new ArrayList<>(months.stream().map(name).toList());
        String list = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + (en ? " and " : " et ") + names.getLast();
        return en ? "on the " + day + " of " + list : "le " + day + " " + list;
    }

    private static String ordinal(int day) {
        String suffix = day >= 11 && day <= 13 ? "th" : switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return day + suffix;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static RecurrenceRule parse(String rule) throws InvalidRecurrenceRuleException {
        return new RecurrenceRule(rule.strip().replaceFirst("^RRULE:", ""), RecurrenceRule.RfcMode.RFC5545_STRICT);
    }

    /** The rule's days in [from, to], walking from {@link #ANCHOR}; a rule lib-recur gives up on yields none. */
    private static List<LocalDate> dates(RecurrenceRule rule, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        try {
            RecurrenceRuleIterator it = rule.iterator(new DateTime(ANCHOR.getYear(), ANCHOR.getMonthValue() - 1,
                    ANCHOR.getDayOfMonth()));
            while (it.hasNext()) {
                DateTime t = it.nextDateTime();
                LocalDate date = LocalDate.of(t.getYear(), t.getMonth() + 1, t.getDayOfMonth());
                if (date.isAfter(to)) {
                    break;
                }
                if (!date.isBefore(from) && (dates.isEmpty() || !dates.getLast().equals(date))) {
                    dates.add(date);
                }
            }
        } catch (IllegalArgumentException e) {
            // lib-recur gives up on a valid rule that never fires (30 February)
        }
        return dates;
    }
}
