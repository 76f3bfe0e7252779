package dev.maintenancedesk.kpi;

import dev.maintenancedesk.kpi.KpiCalculators.Deploy;
import dev.maintenancedesk.kpi.KpiData.Counts;
import dev.maintenancedesk.kpi.KpiData.DeployRow;
import dev.maintenancedesk.plan.Kpi;
import dev.maintenancedesk.plan.Localized;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.postmortem.RecurringIncidents;
import dev.maintenancedesk.problem.InvalidInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The plan's five KPIs, the four DORA metrics and SLA compliance per priority, as monthly series. Each
 * figure comes from one {@link KpiCalculators} formula over the samples {@link KpiData} reads.
 */
@Service
public class Kpis {

    /** One KPI's monthly points. {@code group}: plan, dora or sla. */
    public record Series(String key, String group, Localized name, String unit, String target,
            BigDecimal targetValue, List<Figure> points) {}

    public record KpiReport(String from, String to, List<Series> series) {}

    static final int MAX_MONTHS = 36;

    private final KpiData data;
    private final Plan plan;
    private final Months months;
    private final ObjectProvider<RecurringIncidents> recurring;
    private final String production;
    private final Duration failureWindow;
    private final java.util.concurrent.ExecutorService reads;

    Kpis(KpiData data, Plan plan, Months months, ObjectProvider<RecurringIncidents> recurring,
            @Value("${desk.kpi.production-environment:production}") String production,
            @Value("${desk.kpi.read-threads:4}") int readThreads) {
        this.reads = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, readThreads),
                Thread.ofPlatform().name("kpi-read-", 0).daemon().factory());
        this.data = data;
        this.plan = plan;
        this.months = months;
        this.recurring = recurring;
        this.production = production;
        // the plan sets it (change_management.change_failure_window), like every other rule the KPIs judge by
        this.failureWindow = plan.changeManagement().changeFailureWindow();
    }

    /** Parses a 'YYYY-MM' query parameter, naming it when it is not one. */
    public static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw InvalidInput.of(field, "must be a month, YYYY-MM");
        }
    }

    /** The series for every month from {@code from} to {@code to}, both included (at most 36 months). */
    public KpiReport report(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "must not be before from");
        }
        List<YearMonth> range = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            range.add(m);
        }
        if (range.size() > MAX_MONTHS) {
            throw InvalidInput.of("to", "at most " + MAX_MONTHS + " months from 'from'");
        }
        String f = from.toString();
        String t = to.toString();
        Instant start = months.start(from);
        Instant end = months.end(to);
        List<Series> series = new ArrayList<>();

        // the independent reads at once, on the bounded pool (a year of KPIs is nine aggregates)
        var deploymentsF = read(() -> data.deployments(production, f, t));
        var p1F = read(() -> data.p1Resolutions(f, t));
        var testsF = read(() -> data.ticketsWithTests(f, t));
        var coverageF = read(() -> data.coverage(end));
        var incidentsF = read(() -> data.incidentsOpened(f, t));
        var deploysF = read(() -> data.productionDeploys(production, start.minus(failureWindow), end.plus(failureWindow)));
        var incidentStartsF = read(() -> data.incidentStarts(start, end.plus(failureWindow)));
        var restoresF = read(() -> data.restores(f, t));
        var takeChargeF = read(() -> data.sla(KpiData.SLA_TAKE_CHARGE, f, t));
        var resolutionF = read(() -> data.sla(KpiData.SLA_RESOLUTION, f, t));
        Map<String, Counts> deployments = deploymentsF.join();
        series.add(plan("deployment_success_rate", range, m -> {
            Counts c = deployments.getOrDefault(m.toString(), new Counts(0, 0));
            return KpiCalculators.deploymentSuccessRate(m.toString(), c.n(), c.met(), target("deployment_success_rate"));
        }));
        var p1 = p1F.join();
        series.add(plan("p1_mean_resolution_time", range, m -> KpiCalculators.p1ResolutionTime(m.toString(),
                p1.getOrDefault(m.toString(), List.of()), target("p1_mean_resolution_time"))));
        Map<String, Counts> tests = testsF.join();
        series.add(plan("tickets_with_tests", range, m -> {
            Counts c = tests.getOrDefault(m.toString(), new Counts(0, 0));
            return KpiCalculators.ticketsWithTests(m.toString(), c.n(), c.met(), target("tickets_with_tests"));
        }));
        var coverage = coverageF.join();
        series.add(plan("test_coverage", range, m -> KpiCalculators.coverage(m.toString(), months.start(m),
                months.end(m), coverage, target("test_coverage"))));
        Map<String, Counts> incidents = incidentsF.join();
        RecurringIncidents detector = recurring.getIfAvailable();
        Map<String, List<Long>> recurrences = new HashMap<>();
        if (detector != null) {
            detector.startedBetween(start, end).forEach(r -> recurrences
                    .computeIfAbsent(months.of(r.startedAt()), k -> new ArrayList<>()).add(r.ticketNumber()));
        }
        series.add(plan("recurring_incidents", range, m -> KpiCalculators.recurringIncidents(m.toString(),
                incidents.getOrDefault(m.toString(), new Counts(0, 0)).n(),
                recurrences.getOrDefault(m.toString(), List.of()), detector != null, target("recurring_incidents"))));

        List<DeployRow> deploys = deploysF.join();
        List<Instant> incidentStarts = incidentStartsF.join();
        var restores = restoresF.join();
        series.add(dora("deployment_frequency", "Fréquence de déploiement", "Deployment frequency", "count", range, m -> {
            Instant s = months.start(m);
            Instant e = months.end(m);
            List<java.time.LocalDate> days = deploys.stream().filter(d -> d.deploy().successful()
                    && inside(d.deploy().finishedAt(), s, e)).map(d -> months.day(d.deploy().finishedAt())).toList();
            return KpiCalculators.deploymentFrequency(m.toString(), m.atDay(1), m.plusMonths(1).atDay(1), days);
        }));
        series.add(dora("lead_time_for_changes", "Délai de mise en production", "Lead time for changes", "hours",
                range, m -> KpiCalculators.leadTime(m.toString(), deploys.stream()
                        .filter(d -> d.deploy().successful() && d.firstCommitAt() != null
                                && inside(d.deploy().finishedAt(), months.start(m), months.end(m)))
                        .map(d -> Duration.between(d.firstCommitAt(), d.deploy().finishedAt())).toList())));
        List<Deploy> all = deploys.stream().map(DeployRow::deploy).toList();
        series.add(dora("change_failure_rate", "Taux d’échec des changements", "Change failure rate", "percent",
                range, m -> KpiCalculators.changeFailureRate(m.toString(), months.start(m), months.end(m), all,
                        incidentStarts, failureWindow)));
        series.add(dora("time_to_restore", "Délai de rétablissement", "Time to restore", "hours", range,
                m -> KpiCalculators.timeToRestore(m.toString(), restores.getOrDefault(m.toString(), List.of()))));

        var takeCharge = takeChargeF.join();
        var resolution = resolutionF.join();
        for (var priority : plan.priorities()) {
            String p = priority.key().name();
            series.add(sla("sla_take_charge_" + p, "SLA prise en charge " + p, "SLA take-charge " + p, range,
                    m -> slaFigure("sla_take_charge_" + p, m, takeCharge, p)));
            series.add(sla("sla_resolution_" + p, "SLA résolution " + p, "SLA resolution " + p, range,
                    m -> slaFigure("sla_resolution_" + p, m, resolution, p)));
        }
        return new KpiReport(f, t, series);
    }

    /**
     * Runs one read on the shared pool of {@code desk.kpi.read-threads} (4) threads: a year's reads overlap,
     * and however many requests come at once the KPIs hold at most that many database connections.
     */
    private <T> java.util.concurrent.CompletableFuture<T> read(java.util.function.Supplier<T> query) {
        return java.util.concurrent.CompletableFuture.supplyAsync(query, reads);
    }

    /** The figures of one month, every series' single point. */
    public List<Figure> month(YearMonth month) {
        return report(month, month).series().stream().map(s -> s.points().getFirst()).toList();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    public Duration changeFailureWindow() {
        return failureWindow;
    }

    private static Figure slaFigure(String key, YearMonth m, Map<String, Map<String, Counts>> counts, String p) {
        Counts c = counts.getOrDefault(m.toString(), Map.of()).getOrDefault(p, new Counts(0, 0));
        return KpiCalculators.slaCompliance(key, m.toString(), c.n(), c.met());
    }

    private static boolean inside(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private Kpi.Target target(String key) {
        return plan.kpis().stream().filter(k -> k.key().equals(key)).map(Kpi::target).findFirst().orElse(null);
    }

    private Series plan(String key, List<YearMonth> range, java.util.function.Function<YearMonth, Figure> f) {
        Kpi kpi = plan.kpis().stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
        Localized name = kpi == null ? new Localized(key, key) : kpi.name();
        Kpi.Target target = kpi == null ? null : kpi.target();
        String unit = target == null || target.unit() == null ? null : target.unit().name().toLowerCase(java.util.Locale.ROOT);
        if ("test_coverage".equals(key)) {
            unit = "points";
        }
        return new Series(key, "plan", name, unit, target == null ? null : target.text().fr(),
                target == null ? null : target.value(), range.stream().map(f).toList());
    }

    private static Series dora(String key, String fr, String en, String unit, List<YearMonth> range,
            java.util.function.Function<YearMonth, Figure> f) {
        return new Series(key, "dora", new Localized(fr, en), unit, null, null, range.stream().map(f).toList());
    }

    private static Series sla(String key, String fr, String en, List<YearMonth> range,
            java.util.function.Function<YearMonth, Figure> f) {
        return new Series(key, "sla", new Localized(fr, en), "percent", "100%", BigDecimal.valueOf(100),
                range.stream().map(f).toList());
    }
}
