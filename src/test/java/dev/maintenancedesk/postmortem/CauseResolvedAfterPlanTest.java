package dev.maintenancedesk.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.PostmortemRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The plan's {@code postmortem.cause_resolved_after}: calendar days, 90 by default, refused naming its path. */
class CauseResolvedAfterPlanTest {

    static final String DEFAULT = defaultYaml();

    @Test
    void theDefaultPlanSaysNinetyDaysAndAPlanMayChangeOrOmitIt() {
        assertThat(PlanLoader.parse(DEFAULT, "test.yaml").postmortem().causeResolvedAfter()).isEqualTo(Period.ofDays(90));
        assertThat(PlanLoader.parse(DEFAULT.replace("cause_resolved_after: 90d", "cause_resolved_after: 30d"), "test.yaml")
                .postmortem().causeResolvedAfter()).isEqualTo(Period.ofDays(30));
        assertThat(PlanLoader.parse(DEFAULT.replace("  cause_resolved_after: 90d\n", ""), "test.yaml")
                .postmortem().causeResolvedAfter()).isEqualTo(PostmortemRule.DEFAULT_CAUSE_RESOLVED_AFTER);
    }

    @Test
    void somethingElseThanCalendarDaysIsRefusedNamingItsPath() {
        try {
            PlanLoader.parse(DEFAULT.replace("cause_resolved_after: 90d", "cause_resolved_after: 3 months"), "test.yaml");
        } catch (InvalidPlanException e) {
            assertThat(e.problems()).containsExactly("postmortem.cause_resolved_after: \"3 months\" is not a number of "
                    + "calendar days (examples: 30d, 90d)");
            return;
        }
        throw new AssertionError("the plan was accepted");
    }

    private static String defaultYaml() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains("  cause_resolved_after: 90d\n");
            return yaml;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
