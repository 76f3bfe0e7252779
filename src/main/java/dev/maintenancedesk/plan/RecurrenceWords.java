package dev.maintenancedesk.plan;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;

/**
 * An RFC 5545 rule (a release window, a preventive action's rhythm) in plain words, in French or English: "le premier mardi de chaque mois",
 * "every Tuesday". It says FREQ (daily, weekly, monthly, yearly), INTERVAL, BYDAY (with ordinals 1–4 and -1
 * in a month), BYMONTH and BYMONTHDAY; any other part, or a combination it cannot say exactly, gives the raw
 * rule back, so the words never claim more than the rule does. The only place that puts a rule into words.
 */
public final class RecurrenceWords {

    private RecurrenceWords() {
    }

    /** The rule in words in {@code language} ("fr" or "en"; anything else is French), else the rule itself. */
    public static String describe(String rrule, String language) {
        if (rrule == null || rrule.isBlank()) {
            return "";
        }
        String raw = rrule.strip().replaceFirst("^RRULE:", "");
        boolean en = "en".equals(language);
        try {
            String words = words(new RecurrenceRule(raw), en);
            return words == null ? raw : words;
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            return raw;
        }
    }

    private static String words(RecurrenceRule rule, boolean en) {
        // Parts whose meaning the words would lose: their presence means "say the raw rule". (Not a static
        // constant: lib-recur's Part must not be initialised before RecurrenceRule itself.)
        for (Part part : List.of(Part.BYWEEKNO, Part.BYYEARDAY, Part.BYHOUR, Part.BYMINUTE, Part.BYSECOND,
                Part.BYSETPOS, Part.UNTIL, Part.COUNT, Part.RSCALE, Part.SKIP)) {
            if (rule.hasPart(part)) {
                return null;
            }
        }
        int interval = rule.getInterval();
        List<WeekdayNum> days = rule.hasPart(Part.BYDAY) ? rule.getByDayPart() : List.of();
        List<Integer> months = rule.hasPart(Part.BYMONTH) ? rule.getByPart(Part.BYMONTH) : List.of();
        List<Integer> monthDays = rule.hasPart(Part.BYMONTHDAY) ? rule.getByPart(Part.BYMONTHDAY) : List.of();
        Freq freq = rule.getFreq();
        if (interval < 1 || (!days.isEmpty() && !monthDays.isEmpty())) {
            return null;
        }
        return switch (freq) {
            case DAILY -> months.isEmpty() && monthDays.isEmpty() ? daily(days, interval, en) : null;
            case WEEKLY -> months.isEmpty() && monthDays.isEmpty() && !days.isEmpty() ? weekly(days, interval, en) : null;
            case MONTHLY -> monthly(days, monthDays, months, interval, en);
            case YEARLY -> interval == 1 && !months.isEmpty() && (!days.isEmpty() || !monthDays.isEmpty())
                    ? monthly(days, monthDays, months, 1, en) : null;
            default -> null;
        };
    }

    private static String daily(List<WeekdayNum> days, int interval, boolean en) {
        if (days.isEmpty()) {
            return interval == 1 ? (en ? "every day" : "chaque jour")
                    : interval == 2 ? (en ? "every other day" : "un jour sur deux")
                    : en ? "every " + interval + " days" : "tous les " + interval + " jours";
        }
        return interval == 1 ? weekly(days, 1, en) : null;
    }

    private static String weekly(List<WeekdayNum> days, int interval, boolean en) {
        List<String> names = plainDays(days, en);
        if (names == null) {
            return null;
        }
        String list = join(names, en);
        if (interval == 1) {
            return en ? "every " + list : "chaque " + list;
        }
        if (interval == 2) {
            return en ? "every other " + list : (names.size() == 1 ? "un " + list + " sur deux" : list + ", une semaine sur deux");
        }
        return en ? "every " + list + ", every " + interval + " weeks"
                : "chaque " + list + ", toutes les " + interval + " semaines";
    }

    private static String monthly(List<WeekdayNum> days, List<Integer> monthDays, List<Integer> months, int interval,
            boolean en) {
        String when;
        if (!days.isEmpty()) {
            boolean ordinals = days.stream().allMatch(d -> d.pos != 0);
            if (ordinals) {
                List<String> items = new ArrayList<>();
                for (WeekdayNum d : days) {
                    String ordinal = ordinal(d.pos, en);
                    if (ordinal == null) {
                        return null;
                    }
                    items.add((en ? "the " : "le ") + ordinal + " " + day(d, en));
                }
                when = join(items, en);
            } else if (days.stream().allMatch(d -> d.pos == 0)) {
                when = (en ? "every " : "chaque ") + join(plainDays(days, en), en);
            } else {
                return null;
            }
        } else if (!monthDays.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < monthDays.size(); i++) {
                String item = monthDay(monthDays.get(i), en);
                if (item == null) {
                    return null;
                }
                items.add(i == 0 || en ? item : "le " + item);
            }
            when = (en ? "the " : "le ") + join(items, en);
        } else {
            return null; // "every month" on the day of a DTSTART the plan does not give
        }
        if (!months.isEmpty()) {
            if (interval != 1) {
                return null;
            }
            List<String> names = months.stream().map(m -> monthName(m, en)).toList();
            if (en) {
                return when + " of " + join(names, true);
            }
            String list = join(names, false);
            String of = !monthDays.isEmpty() ? (names.size() == 1 ? " " : " des mois de ") : startsWithVowel(list) ? " d’" : " de ";
            return when + of + list;
        }
        if (interval == 1) {
            return when + (en ? " of every month" : " de chaque mois");
        }
        if (interval == 2) {
            return when + (en ? " of every other month" : ", un mois sur deux");
        }
        return when + (en ? ", every " + interval + " months" : ", tous les " + interval + " mois");
    }

    private static List<String> plainDays(List<WeekdayNum> days, boolean en) {
        if (days.stream().anyMatch(d -> d.pos != 0)) {
            return null;
        }
        return days.stream().map(d -> day(d, en)).toList();
    }

    private static String day(WeekdayNum d, boolean en) {
        // lib-recur's Weekday runs SU..SA; java.time's DayOfWeek runs MONDAY..SUNDAY
        DayOfWeek dow = DayOfWeek.of(d.weekday.ordinal() == 0 ? 7 : d.weekday.ordinal());
        return dow.getDisplayName(TextStyle.FULL, en ? Locale.ENGLISH : Locale.FRENCH);
    }

    private static String monthName(int month, boolean en) {
        // lib-recur counts BYMONTH from 0 (January)
        return Month.of(month + 1).getDisplayName(TextStyle.FULL, en ? Locale.ENGLISH : Locale.FRENCH);
    }

    private static String ordinal(int pos, boolean en) {
        return switch (pos) {
            case 1 -> en ? "first" : "premier";
            case 2 -> en ? "second" : "deuxième";
            case 3 -> en ? "third" : "troisième";
            case 4 -> en ? "fourth" : "quatrième";
            case 5 -> en ? "fifth" : "cinquième";
            case -1 -> en ? "last" : "dernier";
            default -> null;
        };
    }

    private static String monthDay(int day, boolean en) {
        if (day == -1) {
            return en ? "last day" : "dernier jour";
        }
        if (day < 1 || day > 31) {
            return null;
        }
        if (!en) {
            return day == 1 ? "1er" : String.valueOf(day);
        }
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return day + suffix;
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiouyâéèêîôû".indexOf(Character.toLowerCase(s.charAt(0))) >= 0;
    }

    private static String join(List<String> items, boolean en) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + (en ? " and " : " et ") + items.getLast();
    }
}
