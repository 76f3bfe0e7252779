package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken plans, each derived from the default one by a small edit, and the problem lines they yield. */
class PlanValidationTest {

    private static final String DEFAULT = PlanValidationTestSupport.defaultYaml();

    private static String edit(String from, String to) {
        assertThat(DEFAULT).as("the default plan contains the text to edit").contains(from);
        return DEFAULT.replace(from, to);
    }

    private static List<String> problems(String yaml) {
        try {
            PlanLoader.parse(yaml, "test.yaml");
        } catch (InvalidPlanException e) {
            return e.problems();
        }
        throw new AssertionError("the plan was accepted");
    }

    @Test
    void theDefaultPlanIsValid() {
        assertThat(PlanLoader.parse(DEFAULT, "test.yaml").name()).isEqualTo("CESIZen");
    }

    @Test
    void badDurationNamesItsPath() {
        assertThat(problems(edit("P1: { take_charge: 1h,", "P1: { take_charge: 1x,")))
                .containsExactly("sla.P1.take_charge: \"1x\" is not a duration (examples: 30m, 1h, 1d)");
    }

    @Test
    void zeroDurationAndReleaseAsTakeCharge() {
        assertThat(problems(edit("P3: { take_charge: 1d, resolution: 5d }", "P3: { take_charge: release, resolution: 0h }")))
                .containsExactly("sla.P3.take_charge: \"release\" is only allowed as a resolution target",
                        "sla.P3.resolution: \"0h\" must be longer than zero");
    }

    @Test
    void takeChargeLongerThanResolution() {
        assertThat(problems(edit("P2: { take_charge: 2h, resolution: 6h }", "P2: { take_charge: 1d, resolution: 6h }")))
                .containsExactly("sla.P2: take_charge (1d) is longer than resolution (6h)");
    }

    @Test
    void missingPriorityInTheSlaAndUnknownOne() {
        assertThat(problems(edit("  P4: { take_charge: 2d, resolution: release }", "  P5: { take_charge: 2d, resolution: release }")))
                .containsExactly("sla.P4: missing (required)",
                        "sla.P5: unknown key (expected one of: P1, P2, P3, P4, at_risk_threshold, priority_change)");
    }

    @Test
    void thresholdOutsideZeroOneAndUnknownPolicy() {
        assertThat(problems(edit("at_risk_threshold: 0.75\n  priority_change: recompute",
                "at_risk_threshold: 1.5\n  priority_change: restart")))
                .containsExactly("sla.at_risk_threshold: 1.5 is not between 0 and 1 (exclusive), e.g. 0.75",
                        "sla.priority_change: \"restart\" is not a priority-change policy (expected: recompute, restart_at_change)");
        assertThat(problems(edit("at_risk_threshold: 0.75", "at_risk_threshold: 0"))).containsExactly(
                "sla.at_risk_threshold: 0 is not between 0 and 1 (exclusive), e.g. 0.75");
    }

    @Test
    void unknownTimeZoneAndUnparseableHours() {
        assertThat(problems(edit("zone: Europe/Paris", "zone: Europe/Pariss")
                .replace("monday: [\"09:00-18:00\"]", "monday: [\"9h-18h\", \"25:00-26:00\"]")
                .replace("tuesday: [\"09:00-18:00\"]", "tuesday: [\"18:00-09:00\"]")
                .replace("wednesday: [\"09:00-18:00\"]", "wednesday: [\"09:00-13:00\", \"12:00-18:00\"]")))
                .containsExactly("calendar.zone: \"Europe/Pariss\" is not a known time zone (example: Europe/Paris)",
                        "calendar.hours.monday[0]: \"9h-18h\" is not a range of hours (example: 09:00-18:00)",
                        "calendar.hours.monday[1]: \"25:00-26:00\" is not a range of hours (example: 09:00-18:00)",
                        "calendar.hours.tuesday[0]: \"18:00-09:00\" does not end after it starts",
                        "calendar.hours.wednesday: ranges 09:00-13:00 and 12:00-18:00 overlap");
    }

    @Test
    void calendarWithoutAnyBusinessHours() {
        String yaml = DEFAULT.replaceAll("(?m)^    (monday|tuesday|wednesday|thursday|friday): .*\\n", "");
        assertThat(problems(yaml.replace("  hours:   #", "  hours: {}   #")))
                .containsExactly("calendar.hours: no business hours on any day");
    }

    @Test
    void severalRangesPerDayAndAShortFridayKeepTheStandardDay() {
        Plan plan = PlanLoader.parse(edit("monday: [\"09:00-18:00\"]", "monday: [\"09:00-12:30\", \"13:30-18:00\"]")
                .replace("friday: [\"09:00-18:00\"]", "friday: [\"09:00-17:00\"]"), "test.yaml");
        assertThat(plan.calendar().hoursOn(java.time.DayOfWeek.MONDAY)).hasSize(2);
        assertThat(plan.calendar().standardDayMinutes()).isEqualTo(540);
        assertThat(((BusinessDuration) plan.sla().targets(Priority.P3).resolution()).minutes()).isEqualTo(5 * 540);
    }

    @Test
    void dayLengthFollowsTheCalendar() {
        String yaml = DEFAULT.replaceAll("\"09:00-18:00\"", "\"08:00-16:00\"");
        Plan plan = PlanLoader.parse(yaml, "test.yaml");
        assertThat(((BusinessDuration) plan.sla().targets(Priority.P3).takeCharge()).minutes()).isEqualTo(480);
    }

    @Test
    void unknownKeysAreReportedWithTheAllowedOnes() {
        assertThat(problems(edit("project: CESIZen", "project: CESIZen\nprojet: typo")))
                .singleElement().asString().startsWith("projet: unknown key (expected one of: project, objectives,");
        assertThat(problems(edit("    name: { fr: Corrective, en: Corrective }",
                "    name: { fr: Corrective, en: Corrective, de: Korrektiv }")))
                .containsExactly("maintenance_types[0].name.de: unknown key (expected one of: fr, en)");
    }

    @Test
    void missingRequiredSections() {
        String yaml = DEFAULT.replaceAll("(?ms)^workflow:.*?(?=^change_management:)", "")
                .replaceAll("(?m)^project: CESIZen\\n", "");
        assertThat(problems(yaml)).containsExactly("project: missing (required)", "workflow: missing (required)");
    }

    @Test
    void unknownLabelInTemplateAndElsewhere() {
        assertThat(problems(edit("    labels: [feature]", "    labels: [feature, enhancement]")
                .replace("tests_exempt_labels: [documentation]", "tests_exempt_labels: [docs]")))
                .containsExactly(
                        "workflow.tests_exempt_labels[0]: unknown label \"docs\" (known: bug, feature, security, "
                                + "documentation, performance, tech-debt, veille, deprecated)",
                        "templates[2].labels[1]: unknown label \"enhancement\" (known: bug, feature, security, "
                                + "documentation, performance, tech-debt, veille, deprecated)");
    }

    @Test
    void unknownPriorityAndType() {
        assertThat(problems(edit("    type: EVOLUTIVE\n    priority: P4", "    type: EVOLUTIONARY\n    priority: P5")
                .replace("priorities: [P1]", "priorities: [P0]")))
                .containsExactly("postmortem.priorities[0]: \"P0\" is not a priority (expected: P1, P2, P3, P4)",
                        "templates[2].type: \"EVOLUTIONARY\" is not a maintenance type (expected: CORRECTIVE, EVOLUTIVE, PREVENTIVE, ADAPTIVE)",
                        "templates[2].priority: \"P5\" is not a priority (expected: P1, P2, P3, P4)");
    }

    @Test
    void duplicateKeysBothInYamlAndInTheDomain() {
        assertThat(problems(edit("  tool: GitHub Issues", "  tool: GitHub Issues\n  tool: GitLab")
                .replace("    - name: performance", "    - name: bug")
                .replace("  - key: incident", "  - key: bug_report")))
                .containsExactly("ticketing.tool: duplicate key",
                        "ticketing.labels[4].name: duplicate label \"bug\"",
                        "templates[1].key: duplicate template key \"bug_report\"");
    }

    @Test
    void missingPriorityLevel() {
        assertThat(problems(edit("    - key: P4\n      name: { fr: amélioration", "    - key: P3\n      name: { fr: amélioration")))
                .containsExactly("ticketing.priorities[3].key: duplicate priority P3", "ticketing.priorities: missing priority P4");
    }

    @Test
    void invalidRrule() {
        assertThat(problems(edit("window: \"FREQ=MONTHLY;BYDAY=1TU\"", "window: \"FREQ=MONTHLYY;BYDAY=1TU\"")))
                .singleElement().asString()
                .startsWith("release_calendar[1].window: \"FREQ=MONTHLYY;BYDAY=1TU\" is not a valid RFC 5545 RRULE (");
    }

    @Test
    void releaseTargetNeedsAMinorRow() {
        assertThat(problems(edit("  - tag: MINOR", "  - tag: MAJOR")))
                .containsExactly("release_calendar[2].tag: duplicate release tag MAJOR",
                        "release_calendar: has no MINOR row, which the \"release\" SLA target needs");
    }

    @Test
    void kpiValuesFrequenciesAndUrls() {
        assertThat(problems(edit("operator: at_least, value: 95,", "operator: at_least,")
                .replace("rule: FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1\n    due_business_days: 15\n    checklist:\n      - { fr: \"Mettre",
                        "rule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\n    due_business_days: 15\n    checklist:\n      - { fr: \"Mettre")
                .replace("url: https://www.postgresql.org/news.rss", "url: postgresql.org/news")
                .replace("removal_after_minor_releases: 2", "removal_after_minor_releases: two")))
                .containsExactly("kpis[0].target.value: missing (required)",
                        "preventive[3].rule: \"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\" never fires (example: FREQ=MONTHLY;BYMONTHDAY=1)",
                        "watch.sources[3].url: \"postgresql.org/news\" is not an http(s) address",
                        "deprecation.removal_after_minor_releases: \"two\" is not a number");
    }

    @Test
    void yamlSyntaxErrorIsOneLocatedProblem() {
        assertThat(problems("project: [unclosed\nobjectives: x\n")).singleElement().asString()
                .startsWith("line ").contains("not valid YAML");
        assertThat(problems("")).containsExactly("(root): the plan is empty");
        assertThat(problems("- a\n- b\n")).containsExactly("(root): must be a mapping of sections");
    }

    @Test
    void manyProblemsAreReportedTogetherInOneException() {
        String yaml = edit("P1: { take_charge: 1h,", "P1: { take_charge: 1x,")
                .replace("zone: Europe/Paris", "zone: Mars/Olympus")
                .replace("    labels: [security]\n    fields:", "    labels: [securite]\n    fields:");
        assertThatThrownBy(() -> PlanLoader.parse(yaml, "broken.yaml"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("broken.yaml (3 problems)")
                .satisfies(e -> assertThat(((InvalidPlanException) e).problems()).containsExactlyInAnyOrder(
                        "calendar.zone: \"Mars/Olympus\" is not a known time zone (example: Europe/Paris)",
                        "sla.P1.take_charge: \"1x\" is not a duration (examples: 30m, 1h, 1d)",
                        "templates[3].labels[0]: unknown label \"securite\" (known: bug, feature, security, "
                                + "documentation, performance, tech-debt, veille, deprecated)"));
    }

    @Test
    void unreadableFilesAreADistinctFailure(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PlanLoader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(PlanUnreadableException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> PlanLoader.load(dir)).isInstanceOf(PlanUnreadableException.class)
                .hasMessageContaining("directory");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "project: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PlanLoader.load(latin1)).isInstanceOf(PlanUnreadableException.class)
                .hasMessageContaining("UTF-8");
        Path good = dir.resolve("plan.yaml");
        Files.writeString(good, DEFAULT);
        assertThat(PlanLoader.load(good)).isEqualTo(PlanLoader.loadDefault());
    }
}
