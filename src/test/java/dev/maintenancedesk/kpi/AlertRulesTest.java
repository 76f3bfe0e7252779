package dev.maintenancedesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ops/prometheus/alerts.yml passes {@code promtool check rules}; the dashboard names its queries. */
class AlertRulesTest {

    @Test
    void promtoolAcceptsTheAlertRules() throws Exception {
        Process p = new ProcessBuilder(Ops.executable("DESK_PROMTOOL", "/usr/bin/promtool"), "check", "rules",
                Ops.ALERTS.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS: 3 rules found");
    }

    @Test
    void theAlertsAndTheDashboardHaveTheirQueries() {
        assertThat(Ops.alertExpressions()).hasSize(3).anyMatch(e -> e.contains("desk_sla_breached"))
                .anyMatch(e -> e.contains("desk_tickets{priority=\"P1\"")).anyMatch(e -> e.contains("deployment_success_rate"));
        assertThat(Ops.dashboardPromQl()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(Ops.dashboardSql()).hasSizeGreaterThanOrEqualTo(8);
    }
}
