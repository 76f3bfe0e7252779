package dev.maintenancedesk.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shape of {@code GET /api/v1/plan} and the Markdown of {@code /api/v1/plan/markdown}. */
class PlanControllerTest {

    private final PlanController controller = new PlanController(PlanLoader.loadDefault());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void planAsJson() {
        JsonNode plan = json.valueToTree(controller.plan());
        assertThat(plan.get("name").asString()).isEqualTo("CESIZen");
        assertThat(plan.get("labels").get(0).get("name").asString()).isEqualTo("bug");
        assertThat(plan.get("priorities").get(0).get("key").asString()).isEqualTo("P1");
        assertThat(plan.get("priorities").get(0).get("name").get("fr").asString()).isEqualTo("critique");
        JsonNode p1 = plan.get("sla").get("targets").get(0);
        assertThat(p1.get("takeCharge").get("kind").asString()).isEqualTo("business_time");
        assertThat(p1.get("takeCharge").get("minutes").asInt()).isEqualTo(60);
        assertThat(plan.get("sla").get("targets").get(3).get("resolution").get("kind").asString())
                .isEqualTo("next_minor_release");
        assertThat(plan.get("calendar").get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(plan.get("calendar").get("hours").get("MONDAY").get(0).asString()).isEqualTo("09:00-18:00");
        assertThat(plan.get("releaseCalendar").get(1).get("window").asString()).isEqualTo("FREQ=MONTHLY;BYDAY=1TU");
        assertThat(plan.get("templates").get(1).get("key").asString()).isEqualTo("incident");
        assertThat(plan.get("postmortem").get("sections")).hasSize(6);
    }

    @Test
    void planAsMarkdown() {
        assertThat(controller.markdown("fr")).startsWith("# Plan de Maintenance – Projet CESIZen");
        assertThat(controller.markdown("en")).startsWith("# Maintenance Plan – CESIZen Project");
        assertThatThrownBy(() -> controller.markdown("xx"))
                .isInstanceOfSatisfying(dev.maintenancedesk.problem.InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("lang");
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                });
    }
}
