package dev.maintenancedesk.releases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.problem.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/commits/lint} for pull-request titles. */
class CommitLintControllerTest {

    private final CommitLintController controller = new CommitLintController(PlanLoader.loadDefault());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void validTitle() {
        assertThat(json.writeValueAsString(controller.lint(new CommitLintController.LintRequest("feat(api): export (#12)"))))
                .isEqualTo("{\"valid\":true,\"errors\":[]}");
    }

    @Test
    void invalidTitleNamesTheRule() {
        var response = controller.lint(new CommitLintController.LintRequest("Feature: export"));
        assertThat(response.valid()).isFalse();
        assertThat(response.errors()).singleElement().asString().startsWith("type-allowed: type \"feature\"");
        assertThat(controller.lint(new CommitLintController.LintRequest("feat:export")).errors())
                .singleElement().asString().startsWith("colon-space: ");
    }

    @Test
    void missingMessageIsABadRequest() {
        assertThatThrownBy(() -> controller.lint(new CommitLintController.LintRequest(null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("message");
                });
    }
}
