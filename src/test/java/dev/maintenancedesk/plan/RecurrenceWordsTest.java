package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5545 rules in plain words (release windows, preventive rhythms): each rule of the CESIZen plan, a few others, and the raw rule for the rest. */
class RecurrenceWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the CESIZen plan
            "FREQ=WEEKLY;BYDAY=TU | chaque mardi | every Tuesday",
            "FREQ=MONTHLY;BYDAY=1TU | le premier mardi de chaque mois | the first Tuesday of every month",
            "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1TU | le premier mardi de janvier, avril, juillet et octobre"
                    + " | the first Tuesday of January, April, July and October",
            // others
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH | chaque mardi et jeudi | every Tuesday and Thursday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE | un mercredi sur deux | every other Wednesday",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO | chaque lundi, toutes les 3 semaines | every Monday, every 3 weeks",
            "FREQ=MONTHLY;BYDAY=-1FR | le dernier vendredi de chaque mois | the last Friday of every month",
            "FREQ=MONTHLY;BYDAY=2MO,4MO | le deuxième lundi et le quatrième lundi de chaque mois"
                    + " | the second Monday and the fourth Monday of every month",
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH | le troisième jeudi, un mois sur deux | the third Thursday of every other month",
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU | le premier mardi, tous les 3 mois | the first Tuesday, every 3 months",
            "FREQ=MONTHLY;BYMONTHDAY=1 | le 1er de chaque mois | the 1st of every month",
            "FREQ=MONTHLY;BYMONTHDAY=1,15 | le 1er et le 15 de chaque mois | the 1st and 15th of every month",
            "FREQ=MONTHLY;BYMONTHDAY=-1 | le dernier jour de chaque mois | the last day of every month",
            "FREQ=MONTHLY;BYMONTH=4,10;BYDAY=1TU | le premier mardi d’avril et octobre | the first Tuesday of April and October",
            "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=22 | le 22 juin | the 22nd of June",
            "FREQ=MONTHLY;BYMONTH=6,12;BYMONTHDAY=-1 | le dernier jour des mois de juin et décembre"
                    + " | the last day of June and December",
            "FREQ=DAILY | chaque jour | every day",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR | chaque lundi, mardi, mercredi, jeudi et vendredi"
                    + " | every Monday, Tuesday, Wednesday, Thursday and Friday",
    })
    void saysTheRuleInBothLanguages(String rule, String french, String english) {
        assertThat(RecurrenceWords.describe(rule, "fr")).isEqualTo(french);
        assertThat(RecurrenceWords.describe(rule, "en")).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",      // a part it does not say
            "FREQ=WEEKLY;BYDAY=TU;COUNT=4",          // a bounded rule
            "FREQ=MONTHLY",                          // "every month" on a day only a DTSTART would give
            "FREQ=WEEKLY",
            "FREQ=MONTHLY;BYDAY=-2TU",               // the second to last: no word kept for it
            "FREQ=MONTHLY;BYDAY=1TU,WE",             // ordinals mixed with plain days
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
            "not a rule at all",
    })
    void fallsBackToTheRawRule(String rule) {
        assertThat(RecurrenceWords.describe(rule, "fr")).isEqualTo(rule);
        assertThat(RecurrenceWords.describe(rule, "en")).isEqualTo(rule);
    }
}
