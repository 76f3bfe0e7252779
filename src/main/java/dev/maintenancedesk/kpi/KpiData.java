package dev.maintenancedesk.kpi;

import dev.maintenancedesk.kpi.KpiCalculators.CoveragePoint;
import dev.maintenancedesk.kpi.KpiCalculators.Deploy;
import dev.maintenancedesk.kpi.KpiCalculators.Resolution;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The samples of every KPI, read with the SQL that docs/kpis.md quotes (keep both in step). Months
 * are 'YYYY-MM' strings, so {@code BETWEEN :from AND :to} takes whole months, both ends included.
 */
@Repository
class KpiData {

    /** A month's count and the part of it that met the rule. */
    record Counts(long n, long met) {}

    private final JdbcClient jdbc;

    KpiData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final String DEPLOYMENTS = """
            SELECT finished_month, COUNT(*) AS n, SUM(CASE WHEN status = 'SUCCESS' THEN 1 ELSE 0 END) AS met
            FROM kpi_deployments
            WHERE environment = :environment AND finished_month BETWEEN :from AND :to
            GROUP BY finished_month""";

    Map<String, Counts> deployments(String environment, String from, String to) {
        return counts(DEPLOYMENTS, Map.of("environment", environment, "from", from, "to", to));
    }

    static final String P1_RESOLUTIONS = """
            SELECT resolved_month, business_minutes, wall_minutes
            FROM kpi_ticket_facts
            WHERE priority = 'P1' AND resolved_month BETWEEN :from AND :to""";

    Map<String, List<Resolution>> p1Resolutions(String from, String to) {
        Map<String, List<Resolution>> byMonth = new HashMap<>();
        jdbc.sql(P1_RESOLUTIONS).param("from", from).param("to", to).query((rs, i) -> {
            byMonth.computeIfAbsent(rs.getString(1), m -> new java.util.ArrayList<>())
                    .add(new Resolution(rs.getLong(2), rs.getLong(3)));
            return null;
        }).list();
        return byMonth;
    }

    static final String TICKETS_WITH_TESTS = """
            SELECT merged_month, COUNT(*) AS n, SUM(CASE WHEN with_tests THEN 1 ELSE 0 END) AS met
            FROM kpi_ticket_facts
            WHERE merged_month BETWEEN :from AND :to AND NOT tests_exempt
            GROUP BY merged_month""";

    Map<String, Counts> ticketsWithTests(String from, String to) {
        return counts(TICKETS_WITH_TESTS, Map.of("from", from, "to", to));
    }

    static final String COVERAGE = """
            SELECT component, commit_sha, percent, reported_at
            FROM kpi_coverage
            WHERE reported_at < :end
            ORDER BY component, reported_at, id""";

    Map<String, List<CoveragePoint>> coverage(Instant end) {
        Map<String, List<CoveragePoint>> byComponent = new LinkedHashMap<>();
        jdbc.sql(COVERAGE).param("end", TicketFacts.utc(end)).query((rs, i) -> {
            byComponent.computeIfAbsent(rs.getString(1), c -> new java.util.ArrayList<>()).add(new CoveragePoint(
                    rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getBigDecimal(3)));
            return null;
        }).list();
        return byComponent;
    }

    static final String INCIDENTS_OPENED = """
            SELECT created_month, COUNT(*) AS n, 0 AS met
            FROM kpi_ticket_facts
            WHERE incident AND created_month BETWEEN :from AND :to
            GROUP BY created_month""";

    Map<String, Counts> incidentsOpened(String from, String to) {
        return counts(INCIDENTS_OPENED, Map.of("from", from, "to", to));
    }

    static final String PRODUCTION_DEPLOYS = """
            SELECT id, status, finished_at, first_commit_at
            FROM kpi_deployments
            WHERE environment = :environment AND finished_at >= :start AND finished_at < :end
            ORDER BY finished_at, id""";

    /** A production deployment with its first commit when known. */
    record DeployRow(Deploy deploy, Instant firstCommitAt, String status) {}

    List<DeployRow> productionDeploys(String environment, Instant start, Instant end) {
        return jdbc.sql(PRODUCTION_DEPLOYS).param("environment", environment).param("start", TicketFacts.utc(start))
                .param("end", TicketFacts.utc(end))
                .query((rs, i) -> {
                    OffsetDateTime first = rs.getObject(4, OffsetDateTime.class);
                    return new DeployRow(new Deploy(rs.getLong(1), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            "SUCCESS".equals(rs.getString(2))), first == null ? null : first.toInstant(),
                            rs.getString(2));
                }).list();
    }

    static final String INCIDENT_STARTS = """
            SELECT created_at FROM kpi_ticket_facts
            WHERE incident AND created_at >= :start AND created_at < :end""";

    List<Instant> incidentStarts(Instant start, Instant end) {
        return jdbc.sql(INCIDENT_STARTS).param("start", TicketFacts.utc(start)).param("end", TicketFacts.utc(end))
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    static final String RESTORES = """
            SELECT resolved_month, wall_minutes FROM kpi_ticket_facts
            WHERE incident AND resolved_month BETWEEN :from AND :to""";

    Map<String, List<Long>> restores(String from, String to) {
        Map<String, List<Long>> byMonth = new HashMap<>();
        jdbc.sql(RESTORES).param("from", from).param("to", to).query((rs, i) -> {
            byMonth.computeIfAbsent(rs.getString(1), m -> new java.util.ArrayList<>()).add(rs.getLong(2));
            return null;
        }).list();
        return byMonth;
    }

    static final String SLA_TAKE_CHARGE = """
            SELECT take_charge_month, priority, COUNT(*) AS n,
                   SUM(CASE WHEN take_charge_state = 'MET' THEN 1 ELSE 0 END) AS met
            FROM kpi_ticket_facts
            WHERE take_charge_month BETWEEN :from AND :to AND priority IS NOT NULL
            GROUP BY take_charge_month, priority""";

    static final String SLA_RESOLUTION = """
            SELECT resolved_month, priority, COUNT(*) AS n,
                   SUM(CASE WHEN resolution_state = 'MET' THEN 1 ELSE 0 END) AS met
            FROM kpi_ticket_facts
            WHERE resolved_month BETWEEN :from AND :to AND priority IS NOT NULL
            GROUP BY resolved_month, priority""";

    /** month → priority → counts. */
    Map<String, Map<String, Counts>> sla(String sql, String from, String to) {
        Map<String, Map<String, Counts>> byMonth = new HashMap<>();
        jdbc.sql(sql).param("from", from).param("to", to).query((rs, i) -> {
            byMonth.computeIfAbsent(rs.getString(1), m -> new HashMap<>())
                    .put(rs.getString(2), new Counts(rs.getLong(3), rs.getLong(4)));
            return null;
        }).list();
        return byMonth;
    }

    static final String POSTMORTEMS_DUE = """
            SELECT f.ticket_number, CASE WHEN p.ticket_number IS NULL THEN 0 ELSE 1 END AS written
            FROM kpi_ticket_facts f LEFT JOIN postmortems p ON p.ticket_number = f.ticket_number
            WHERE f.postmortem_required AND f.closed_month = :month""";

    /** Tickets that needed a post-mortem and closed in the month, with whether one was written. */
    Counts postmortems(String month) {
        long[] c = new long[2];
        jdbc.sql(POSTMORTEMS_DUE).param("month", month).query((rs, i) -> {
            c[0]++;
            c[1] += rs.getInt(2);
            return null;
        }).list();
        return new Counts(c[0], c[1]);
    }

    static final String API_CHANGES = """
            SELECT COUNT(*) AS n, SUM(CASE WHEN t.docs_updated AND t.changelog_updated THEN 1 ELSE 0 END) AS met
            FROM kpi_ticket_facts f JOIN tickets t ON t.number = f.ticket_number
            WHERE f.merged_month = :month AND t.api_impact""";

    /** API-impacting tickets merged in the month, and those with docs and changelog updated. */
    Counts apiChanges(String month) {
        return jdbc.sql(API_CHANGES).param("month", month)
                .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    private Map<String, Counts> counts(String sql, Map<String, ?> params) {
        Map<String, Counts> byMonth = new HashMap<>();
        jdbc.sql(sql).params(params).query((rs, i) -> {
            byMonth.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3)));
            return null;
        }).list();
        return byMonth;
    }
}
