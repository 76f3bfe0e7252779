package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plan sets the window in which an incident makes a deployment a failed change (DORA). */
class ChangeFailureWindowTest {

    @Test
    void theCesizenPlanSetsADayAndOtherPlansMaySayOtherwise() {
        assertThat(PlanLoader.loadDefault().changeManagement().changeFailureWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(load(PlanValidationTestSupport.defaultYaml().replace("change_failure_window: 24h",
                "change_failure_window: 7d")).changeManagement().changeFailureWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(load(PlanValidationTestSupport.defaultYaml().replace("  change_failure_window: 24h\n", ""))
                .changeManagement().changeFailureWindow()).as("silent plan").isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aWindowThatIsNotADurationIsAPlanErrorNamingItsPath() {
        assertThatThrownBy(() -> load(PlanValidationTestSupport.defaultYaml().replace("change_failure_window: 24h",
                "change_failure_window: soon")))
                .hasMessageContaining("change_management.change_failure_window")
                .hasMessageContaining("is not a wall-clock duration");
    }

    private static Plan load(String yaml) {
        return PlanLoader.parse(yaml, "test.yaml");
    }
}
