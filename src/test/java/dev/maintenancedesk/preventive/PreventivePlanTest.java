package dev.maintenancedesk.preventive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.Frequency;
import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.PlanRenderer;
import dev.maintenancedesk.plan.PreventiveAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan's preventive section: rules, periods, checklists, validation and the rhythm in words. */
class PreventivePlanTest {

    static final Plan PLAN = PlanLoader.loadDefault();

    static String yaml() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> problems(String yaml) {
        try {
            PlanLoader.parse(yaml, "test");
            return List.of();
        } catch (InvalidPlanException e) {
            return e.problems();
        }
    }

    static PreventiveAction action(String key) {
        return PLAN.preventive().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theSeedsFiveActionsPlusTheBacklogReviewAndTheWatchConsolidation() {
        assertThat(PLAN.preventive()).extracting(a -> a.key() + " " + a.frequency() + " " + a.dueBusinessDays())
                .containsExactly("dependency_updates MONTHLY 10", "library_security_review MONTHLY 5",
                        "backup_restore_test QUARTERLY 10", "gdpr_review SEMIANNUAL 15", "configuration_audit SEMIANNUAL 15",
                        "backlog_review MONTHLY 5", "watch_consolidation MONTHLY 5");
        assertThat(PLAN.preventive()).allSatisfy(a -> {
            assertThat(a.checklist()).isNotEmpty();
            assertThat(a.checklist()).allSatisfy(item -> assertThat(item.fr()).isNotBlank().isNotEqualTo(item.en()));
        });
        assertThat(action("watch_consolidation").labels()).containsExactly("veille");
        assertThat(action("backup_restore_test").measuresRestoreTime()).isTrue();
        assertThat(action("gdpr_review").measuresRestoreTime()).isFalse();
    }

    @Test
    void occurrencesAndPeriods() {
        PreventiveAction backup = action("backup_restore_test");
        assertThat(backup.occurrences(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 31)))
                .containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1));
        assertThat(backup.period(LocalDate.of(2026, 10, 1))).isEqualTo("2026-Q4");
        assertThat(action("gdpr_review").period(LocalDate.of(2026, 7, 1))).isEqualTo("2026-H2");
        assertThat(action("dependency_updates").period(LocalDate.of(2026, 11, 1))).isEqualTo("2026-11");
        assertThat(action("gdpr_review").latestOnOrBefore(LocalDate.of(2026, 11, 5))).contains(LocalDate.of(2026, 7, 1));
        assertThat(action("dependency_updates").latestOnOrBefore(LocalDate.of(2026, 11, 1))).contains(LocalDate.of(2026, 11, 1));
    }

    @Test
    void rhythmInWordsNeverTheRawRule() {
        assertThat(action("dependency_updates").rhythm("fr")).isEqualTo("Mensuelle : le 1er de chaque mois");
        assertThat(action("dependency_updates").rhythm("en")).isEqualTo("Monthly: on the 1st of every month");
        assertThat(action("backup_restore_test").rhythm("fr"))
                .isEqualTo("Trimestrielle : le 1er janvier, avril, juillet et octobre");
        assertThat(action("gdpr_review").rhythm("en")).isEqualTo("Half-yearly: on the 1st of January and July");
        String fr = PlanRenderer.render(PLAN, "fr");
        String en = PlanRenderer.render(PLAN, "en");
        assertThat(fr).contains("**Revue RGPD** — Semestrielle : le 1er janvier et juillet ; à faire sous 15 jours ouvrés :",
                "Revue du backlog", "Consolidation de la veille").doesNotContain("BYMONTHDAY");
        assertThat(en).contains("**GDPR review** — Half-yearly: on the 1st of January and July; due within 15 business days:",
                "Technology watch consolidation").doesNotContain("BYMONTHDAY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FREQ=WEEKLY;BYDAY=MO|Hebdomadaire : chaque lundi|2026-11-30",
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15|Le 15 janvier, mars, mai, juillet, septembre et novembre|2026-11-15",
            "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31|Annuelle : le 31 mars|2026",
            "FREQ=MONTHLY;BYDAY=1TU|Mensuelle|2026-11"})
    void otherRulesSayTheirDaysOrTheirFrequency(String rule, String words, String period) {
        String yaml = yaml().replaceFirst("rule: FREQ=MONTHLY;BYMONTHDAY=1", "rule: " + rule);
        PreventiveAction first = PlanLoader.parse(yaml, "t").preventive().getFirst();
        assertThat(first.rhythm("fr")).isEqualTo(words);
        LocalDate on = first.latestOnOrBefore(LocalDate.of(2026, 11, 30)).orElseThrow();
        assertThat(first.period(on)).isEqualTo(period);
    }

    @Test
    void aRuleThatNeverFiresOrDoesNotParseIsAPlanErrorNamingItsPath() {
        assertThat(problems(yaml().replace("rule: FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1",
                "rule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")))
                .containsExactly("preventive[2].rule: \"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\" never fires (example: FREQ=MONTHLY;BYMONTHDAY=1)");
        assertThat(problems(yaml().replaceFirst("rule: FREQ=MONTHLY;BYMONTHDAY=1", "rule: FREQ=MONTHLYY;BYMONTHDAY=1")))
                .singleElement().asString()
                .startsWith("preventive[0].rule: \"FREQ=MONTHLYY;BYMONTHDAY=1\" is not a valid RFC 5545 RRULE (")
                .endsWith("; example: FREQ=MONTHLY;BYMONTHDAY=1)");
        assertThat(problems(yaml().replaceFirst("rule: FREQ=MONTHLY;BYMONTHDAY=1", "rule: FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3")))
                .containsExactly("preventive[0].rule: \"FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3\" must recur without end (no COUNT or UNTIL)");
        assertThat(problems(yaml().replaceFirst("rule: FREQ=MONTHLY;BYMONTHDAY=1", "rule: FREQ=HOURLY")))
                .containsExactly("preventive[0].rule: \"FREQ=HOURLY\" fires more than once a day (use FREQ=DAILY or coarser)");
        assertThat(problems(yaml().replaceFirst("    due_business_days: 10\n", "    due_business_days: 0\n")
                .replaceFirst("labels: \\[security\\]", "labels: [secu]")))
                .containsExactly("preventive[0].due_business_days: 0 is not between 1 and 250 business days",
                        "preventive[1].labels[0]: unknown label \"secu\" (known: bug, feature, security, documentation, "
                                + "performance, tech-debt, veille, deprecated)");
        assertThat(problems(yaml().replaceFirst("    rule: FREQ=MONTHLY;BYMONTHDAY=1\n", "")))
                .containsExactly("preventive[0].rule: missing (required)");
        assertThatThrownBy(() -> PlanLoader.parse(yaml().replace("checklist:\n      - { fr: \"Mettre à jour le registre",
                "checklist: []\n      - { fr: \"Mettre à jour le registre"), "t")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void frequencyNamesComeFromTheRule() {
        assertThat(action("backlog_review").frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(action("configuration_audit").frequency()).isEqualTo(Frequency.SEMIANNUAL);
    }
}
