package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.sla.SlaAtRisk;
import dev.maintenancedesk.sla.SlaBreached;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the SLA alerts of each ticket for its chronology. It listens in the transaction that raises the
 * alert (the sla module records each alert once, under a key, and publishes it in that transaction), so
 * the chronology holds exactly the alerts raised.
 */
@Component
class SlaAlerts {

    private final JdbcClient jdbc;

    SlaAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SlaAtRisk e) {
        store(e.ticket(), e.clock().name(), "AT_RISK", e.deadline(), e.at());
    }

    @EventListener
    void on(SlaBreached e) {
        store(e.ticket(), e.clock().name(), "BREACHED", e.deadline(), e.at());
    }

    private void store(long ticket, String clock, String kind, Instant deadline, Instant at) {
        jdbc.sql("INSERT INTO postmortem_sla_events (ticket_number, clock, kind, deadline, raised_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(ticket, clock, kind, deadline.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC)).update();
    }
}
