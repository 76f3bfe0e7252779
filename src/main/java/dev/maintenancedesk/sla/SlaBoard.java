package dev.maintenancedesk.sla;

import dev.maintenancedesk.tickets.TicketView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last computed state of every ticket's clocks, kept for the watcher and the SLA lists. */
@Repository
class SlaBoard {

    private final JdbcClient jdbc;

    SlaBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the ticket's row until the caller's transaction ends (refreshes of one ticket take turns). */
    void lock(long number) {
        jdbc.sql("SELECT number FROM tickets WHERE number = ? FOR UPDATE").param(number).query(Long.class).optional();
    }

    void store(TicketView ticket, TicketSla sla, Instant now) {
        jdbc.sql("DELETE FROM sla_clocks WHERE ticket_number = ?").param(ticket.number()).update();
        for (SlaClock clock : List.of(sla.takeCharge(), sla.resolution())) {
            jdbc.sql("""
                    INSERT INTO sla_clocks (ticket_number, clock, state, counting, priority, deadline, at_risk_at,
                      computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ticket.number(), clock.kind().name(), clock.state().name(),
                            clock.targetMinutes() != null && clock.counting(), sla.priority(), clock.deadline(),
                            clock.atRiskAt(), utc(now))
                    .update();
        }
    }

    /** Tickets with a counting clock whose at-risk or breach instant has come. */
    List<Long> due(Instant now) {
        return jdbc.sql("""
                SELECT DISTINCT ticket_number FROM sla_clocks
                WHERE counting AND (at_risk_at <= :now OR deadline <= :now) ORDER BY ticket_number""")
                .param("now", utc(now))
                .query(Long.class)
                .list();
    }

    /** Tickets whose clocks are in this status now: at risk (past the threshold) or breached. */
    List<Long> inStatus(SlaStatus status, Instant now, int limit) {
        String condition = status == SlaStatus.BREACHED
                ? "(state = 'BREACHED' OR (counting AND deadline <= :now))"
                : "(counting AND at_risk_at <= :now AND deadline > :now)";
        return jdbc.sql("SELECT ticket_number FROM sla_clocks WHERE " + condition
                        + " GROUP BY ticket_number ORDER BY MIN(deadline), ticket_number LIMIT :limit")
                .param("now", utc(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** Records an alert; false when it was raised already (by this or another instance). */
    boolean raise(long ticket, ClockKind clock, String kind, OffsetDateTime deadline, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO sla_alerts (ticket_number, clock, kind, deadline, raised_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sla_alerts
                  WHERE ticket_number = ? AND clock = ? AND kind = ? AND deadline = ?)""")
                .params(ticket, clock.name(), kind, deadline, utc(now), ticket, clock.name(), kind, deadline)
                .update();
        return inserted == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
