package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** The whole application runs on the built-in plan and serves it under /api/v1/plan. */
@DeskTest
class PlanApplicationTest {

    @Autowired
    Plan plan;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theApplicationRunsOnTheBuiltInPlan() {
        assertThat(plan).isEqualTo(PlanLoader.loadDefault());
    }

    @Test
    void theApplicationsJsonMapperWritesThePlan() {
        String body = json.writeValueAsString(plan);
        assertThat(body).contains("\"name\":\"CESIZen\"", "\"kind\":\"next_minor_release\"", "\"zone\":\"Europe/Paris\"");
    }

    @Test
    void planEndpointsAreMapped() {
        assertThat(mappings.getHandlerMethods().keySet()).flatExtracting(info -> info.getPatternValues())
                .contains("/api/v1/plan", "/api/v1/plan/markdown");
    }
}
