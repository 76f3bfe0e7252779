package dev.maintenancedesk.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.BacklogReview.ScoreFormula;
import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The plan's {@code backlog.score}: the default, the other formula, and a bad value named by its path. */
class BacklogPlanSettingTest {

    private static String defaultYaml() throws IOException {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDefaultPlanMultipliesValueAndRisk() {
        assertThat(PlanLoader.loadDefault().backlog().score()).isEqualTo(ScoreFormula.VALUE_TIMES_RISK);
        assertThat(PlanLoader.loadDefault().backlog().techDebtLabel()).isEqualTo("tech-debt");
    }

    @Test
    void aPlanMayAddThemInsteadOrLeaveTheSettingOut() throws IOException {
        String yaml = defaultYaml();
        assertThat(PlanLoader.parse(yaml.replace("score: value_times_risk", "score: value_plus_risk"), "sum.yaml")
                .backlog().score()).isEqualTo(ScoreFormula.VALUE_PLUS_RISK);
        assertThat(PlanLoader.parse(yaml.replaceFirst("\\n  score: value_times_risk[^\\n]*", ""), "none.yaml")
                .backlog().score()).isEqualTo(ScoreFormula.VALUE_TIMES_RISK);
        assertThat(ScoreFormula.VALUE_PLUS_RISK.apply(4, 5)).isEqualTo(9);
        assertThat(ScoreFormula.VALUE_TIMES_RISK.apply(4, 5)).isEqualTo(20);
    }

    @Test
    void anUnknownFormulaIsNamedByItsPath() throws IOException {
        String bad = defaultYaml().replace("score: value_times_risk", "score: value_squared");
        assertThatThrownBy(() -> PlanLoader.parse(bad, "bad.yaml"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("backlog.score: \"value_squared\" is not a score formula (expected: value_times_risk, value_plus_risk)");
    }
}
