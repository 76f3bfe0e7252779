package dev.maintenancedesk.kpi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Prometheus gauges at {@code /actuator/prometheus}, recomputed on a timer ({@code
 * desk.kpi.metrics-refresh}, 60 s) rather than at each scrape:
 * <ul>
 *   <li>{@code desk_kpi_value{kpi}}, {@code desk_kpi_samples{kpi}} and {@code desk_kpi_met{kpi}} (1 met,
 *       0 not met; absent without data or target) for the current month;</li>
 *   <li>{@code desk_sla_at_risk{priority}} and {@code desk_sla_breached{priority}}: tickets whose clock is
 *       at risk or breached now;</li>
 *   <li>{@code desk_tickets{state,priority}}: tickets by state and priority ({@code none} when unset).</li>
 * </ul>
 */
@Component
class KpiMetrics {

    private static final Logger log = LoggerFactory.getLogger(KpiMetrics.class);
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

    static final String SLA_NOW = """
            SELECT priority,
                   SUM(CASE WHEN counting AND at_risk_at <= :now AND deadline > :now THEN 1 ELSE 0 END) AS at_risk,
                   SUM(CASE WHEN state = 'BREACHED' OR (counting AND deadline <= :now) THEN 1 ELSE 0 END) AS breached
            FROM (SELECT ticket_number, MAX(priority) AS priority,
                         MAX(CASE WHEN counting THEN 1 ELSE 0 END) = 1 AS counting,
                         MIN(at_risk_at) AS at_risk_at, MIN(deadline) AS deadline,
                         MAX(CASE WHEN state = 'BREACHED' AND counting THEN 'BREACHED' ELSE '' END) AS state
                  FROM sla_clocks WHERE counting GROUP BY ticket_number) c
            WHERE priority IS NOT NULL
            GROUP BY priority""";

    static final String TICKETS = """
            SELECT state, COALESCE(priority, 'none') AS priority, COUNT(*) AS n FROM tickets GROUP BY state, priority""";

    private final Kpis kpis;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Months months;
    private final MultiGauge value;
    private final MultiGauge samples;
    private final MultiGauge met;
    private final MultiGauge atRisk;
    private final MultiGauge breached;
    private final MultiGauge tickets;

    private final boolean serving;

    KpiMetrics(Kpis kpis, JdbcClient jdbc, Clock clock, Months months, MeterRegistry registry,
            @org.springframework.beans.factory.annotation.Value("${desk.scheduling.enabled:true}") boolean serving) {
        this.serving = serving;
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.clock = clock;
        this.months = months;
        this.value = MultiGauge.builder("desk.kpi.value").description("KPI value for the current month")
                .register(registry);
        this.samples = MultiGauge.builder("desk.kpi.samples").description("KPI sample size n for the current month")
                .register(registry);
        this.met = MultiGauge.builder("desk.kpi.met").description("1 when the KPI meets the plan's target, 0 when not")
                .register(registry);
        this.atRisk = MultiGauge.builder("desk.sla.at.risk").description("Tickets with an SLA clock at risk now")
                .register(registry);
        this.breached = MultiGauge.builder("desk.sla.breached").description("Tickets with an SLA clock breached now")
                .register(registry);
        this.tickets = MultiGauge.builder("desk.tickets").description("Tickets by state and priority")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (serving) { // a CLI command (no scheduling) has no scrape to serve
            refresh();
        }
    }

    @Scheduled(fixedDelayString = "${desk.kpi.metrics-refresh:PT60S}", initialDelayString = "${desk.kpi.metrics-refresh:PT60S}")
    void refresh() {
        try {
            YearMonth month = YearMonth.from(clock.instant().atZone(months.zone()));
            List<MultiGauge.Row<?>> values = new ArrayList<>();
            List<MultiGauge.Row<?>> sizes = new ArrayList<>();
            List<MultiGauge.Row<?>> meets = new ArrayList<>();
            for (Figure f : kpis.month(month)) {
                Tags tags = Tags.of("kpi", f.key());
                sizes.add(MultiGauge.Row.of(tags, f.n()));
                if (f.value() != null) {
                    values.add(MultiGauge.Row.of(tags, f.value().doubleValue()));
                }
                if (f.status() == Figure.Status.MET || f.status() == Figure.Status.NOT_MET) {
                    meets.add(MultiGauge.Row.of(tags, f.status() == Figure.Status.MET ? 1 : 0));
                }
            }
            java.util.Map<String, long[]> sla = new java.util.HashMap<>();
            PRIORITIES.forEach(p -> sla.put(p, new long[2]));
            jdbc.sql(SLA_NOW).param("now", TicketFacts.utc(clock.instant())).query((rs, i) -> {
                sla.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                return null;
            }).list();
            List<MultiGauge.Row<?>> counts = jdbc.sql(TICKETS).query((rs, i) -> MultiGauge.Row.of(
                    Tags.of("state", rs.getString(1), "priority", rs.getString(2)), rs.getLong(3))).list()
                    .stream().<MultiGauge.Row<?>>map(r -> r).toList();
            // everything read first, then published together: a scrape sees one refresh or the other
            value.register(values, true);
            samples.register(sizes, true);
            met.register(meets, true);
            tickets.register(counts, true);
            atRisk.register(sla.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(
                    Tags.of("priority", e.getKey()), e.getValue()[0])).toList(), true);
            breached.register(sla.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(
                    Tags.of("priority", e.getKey()), e.getValue()[1])).toList(), true);
        } catch (RuntimeException e) {
            log.warn("KPI gauges not refreshed: {}", e.getMessage());
        }
    }
}
