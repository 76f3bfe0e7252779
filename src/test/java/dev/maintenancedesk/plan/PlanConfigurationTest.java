package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Plan bean: built-in by default, DESK_PLAN / desk.plan otherwise, and no start-up on a bad plan. */
class PlanConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PlanConfiguration.class);

    @TempDir
    Path dir;

    @Test
    void builtInPlanByDefault() {
        runner.run(context -> assertThat(context.getBean(Plan.class)).isEqualTo(PlanLoader.loadDefault()));
    }

    @Test
    void planFileFromPropertyOrEnvironmentName() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.yaml"),
                PlanValidationTestSupport.defaultYaml().replace("project: CESIZen", "project: Other"));
        runner.withPropertyValues("desk.plan=" + file)
                .run(context -> assertThat(context.getBean(Plan.class).name()).isEqualTo("Other"));
        runner.withPropertyValues("DESK_PLAN=" + file)
                .run(context -> assertThat(context.getBean(Plan.class).name()).isEqualTo("Other"));
    }

    @Test
    void invalidPlanRefusesStartUpWithTheProblemLines() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), PlanValidationTestSupport.defaultYaml()
                .replace("P1: { take_charge: 1h,", "P1: { take_charge: 1x,"));
        runner.withPropertyValues("desk.plan=" + file).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new PlanFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("invalid maintenance plan " + file)
                    .contains("sla.P1.take_charge: \"1x\" is not a duration (examples: 30m, 1h, 1d)");
            assertThat(analysis.getAction()).contains("desk plan validate");
        });
    }

    @Test
    void missingPlanFileRefusesStartUp() {
        runner.withPropertyValues("desk.plan=" + dir.resolve("absent.yaml")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(new PlanFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains("cannot read plan").contains("absent.yaml");
        });
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(new PlanFailureAnalyzer().analyze(new IllegalStateException("x"))).isNull();
    }
}
