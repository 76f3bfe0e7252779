package dev.maintenancedesk.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation of Spring Security's filters, authentications and authorizations. With an
 * observation registry present (the HTTP request metrics need one), Spring Security wraps each of the
 * chain's filters in an observation of its own: a dozen timers started and stopped per request, ~10 % of
 * the server's CPU under the mixed API load (docs/benchmarks.md, "Mixed API load"). The requests
 * themselves are still timed ({@code http_server_requests}), and refusals still counted by status.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
