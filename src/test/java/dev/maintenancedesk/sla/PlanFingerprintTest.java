package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint that decides a rebuild at start-up: the same for the same calendars, targets and
 * windows however the plan is written, another one as soon as any of them changes.
 */
class PlanFingerprintTest {

    private static final String YAML = read();

    @Test
    void theSamePlanGivesTheSameFingerprintWhateverElseChanges() {
        String same = PlanFingerprint.of(PlanLoader.parse(YAML, "plan"));
        assertThat(same).hasSize(64).isEqualTo(PlanFingerprint.of(PlanLoader.loadDefault()));
        // texts, labels and KPIs are not what clocks are made of
        assertThat(PlanFingerprint.of(PlanLoader.parse(YAML.replace("change_failure_window: 24h", "change_failure_window: 48h"),
                "plan"))).isEqualTo(same);
    }

    @Test
    void anyChangeToTheCalendarTheTargetsOrTheWindowsGivesAnotherFingerprint() {
        String base = PlanFingerprint.of(PlanLoader.parse(YAML, "plan"));
        for (String[] change : new String[][] {
                {"P2: { take_charge: 2h, resolution: 6h }", "P2: { take_charge: 3h, resolution: 6h }"},
                {"P3: { take_charge: 1d, resolution: 5d }", "P3: { take_charge: 540m, resolution: 5d }"},
                {"at_risk_threshold: 0.75", "at_risk_threshold: 0.8"},
                {"priority_change: recompute", "priority_change: restart_at_change"},
                {"zone: Europe/Paris", "zone: Europe/Brussels"},
                {"friday: [\"09:00-18:00\"]", "friday: [\"09:00-17:00\"]"},
                {"country: FR", "country: BE"},
                {"closures: []", "closures: [2026-12-24]"},
                {"window: \"FREQ=MONTHLY;BYDAY=1TU\"", "window: \"FREQ=MONTHLY;BYDAY=2TU\""},
                {"    # no calendar: the team works on the plan's calendar above\n", """
                            calendar:
                              zone: America/New_York
                              hours: { monday: ["09:00-17:00"] }
                              holidays: { country: US }
                        """}}) {
            assertThat(YAML).as("the default plan has %s", change[0]).contains(change[0]);
            assertThat(PlanFingerprint.of(PlanLoader.parse(YAML.replace(change[0], change[1]), "plan")))
                    .as("after %s → %s", change[0], change[1]).isNotEqualTo(base);
        }
    }

    private static String read() {
        try (InputStream in = PlanFingerprintTest.class.getResourceAsStream("/plans/cesizen.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
