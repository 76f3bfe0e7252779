package dev.maintenancedesk.notify;

import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Texts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Who reads a notification: the language and time zone its texts and deadlines are written in. */
record Reader(Locale locale, ZoneId zone) {

    /** The team chat, which everyone reads: the plan's language and time zone. */
    static Reader team(Plan plan) {
        return new Reader(Locale.forLanguageTag(plan.language()), plan.calendar().zone());
    }

    /** A user, in the language and time zone of their profile; the plan's where the profile has none. */
    static Reader of(UserAccount user, Plan plan) {
        Reader team = team(plan);
        Locale locale = user.language() != null && Texts.LANGUAGES.contains(user.language())
                ? Locale.forLanguageTag(user.language()) : team.locale();
        ZoneId zone = team.zone();
        try {
            if (user.timeZone() != null && !user.timeZone().isBlank()) {
                zone = ZoneId.of(user.timeZone());
            }
        } catch (DateTimeException e) {
            // a zone this JVM no longer knows: the plan's still says when
        }
        return new Reader(locale, zone);
    }

    String when(Instant instant, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(zone));
    }
}
