package dev.maintenancedesk.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.GitHubSync;
import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The plan's {@code github} section: label ↔ priority/type mapping and test paths, the seed's labels by default. */
class GitHubPlanSectionTest {

    @Test
    void the_built_in_plan_maps_the_seeds_labels() {
        GitHubSync github = PlanLoader.loadDefault().github();
        assertThat(github.priorityOf("p1")).contains(Priority.P1);
        assertThat(github.priorityOf("P4")).contains(Priority.P4);
        assertThat(github.typeOf("Bug")).contains(TicketType.CORRECTIVE);
        assertThat(github.typeOf("feature")).contains(TicketType.EVOLUTIVE);
        assertThat(github.typeOf("documentation")).isEmpty();
        assertThat(github.labelOf(Priority.P2)).contains("P2");
        assertThat(github.testPaths()).contains("src/test/**");
    }

    @Test
    void a_plan_without_the_section_gets_the_defaults_and_a_custom_one_is_read() {
        String yaml = defaultYaml();
        String without = yaml.replaceAll("(?s)\ngithub:\n.*?\n\n", "\n\n");
        assertThat(without).doesNotContain("\ngithub:");
        assertThat(PlanLoader.parse(without, "test").github()).isEqualTo(GitHubSync.defaults());
        Plan custom = PlanLoader.parse(without + "\ngithub:\n  priority_labels: { urgent: P1 }\n"
                + "  type_labels: { incident: corrective }\n  test_paths: [\"spec/**\"]\n", "test");
        assertThat(custom.github().priorityOf("urgent")).contains(Priority.P1);
        assertThat(custom.github().priorityOf("P1")).isEmpty();
        assertThat(custom.github().typeOf("incident")).contains(TicketType.CORRECTIVE);
        assertThat(custom.github().testPaths()).containsExactly("spec/**");
    }

    @Test
    void a_wrong_value_or_key_is_reported_with_its_path() {
        String without = defaultYaml().replaceAll("(?s)\ngithub:\n.*?\n\n", "\n\n");
        assertThatThrownBy(() -> PlanLoader.parse(without + "\ngithub:\n  priority_labels: { urgent: P9 }\n"
                + "  label_colors: {}\n", "test"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("github.priority_labels.urgent")
                .hasMessageContaining("github.label_colors");
    }

    private static String defaultYaml() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
