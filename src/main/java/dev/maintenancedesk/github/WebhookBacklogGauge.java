package dev.maintenancedesk.github;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code desk_github_webhook_backlog} on {@code /actuator/prometheus}: deliveries acknowledged but not applied
 * yet. It should come back to zero within seconds; a backlog that keeps growing means the worker is stuck
 * or GitHub sends faster than the desk applies.
 */
@Component
class WebhookBacklogGauge {

    WebhookBacklogGauge(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("desk_github_webhook_backlog", () -> jdbc
                        .sql("SELECT COUNT(*) FROM github_deliveries WHERE status = 'PENDING'").query(Long.class).single())
                .description("GitHub webhook deliveries stored and acknowledged, not applied yet")
                .register(registry);
    }
}
