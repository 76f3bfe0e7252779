package dev.maintenancedesk.plan;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the one {@link Plan} of the running application: {@code desk.plan} (environment
 * {@code DESK_PLAN}) names a file, else the built-in CESIZen plan. A bad plan stops start-up, since
 * every clock and gate would otherwise run on wrong rules.
 */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    Plan plan(@Value("${desk.plan:${DESK_PLAN:}}") String location) {
        return location.isBlank() ? PlanLoader.loadDefault() : PlanLoader.load(Path.of(location.strip()));
    }
}
