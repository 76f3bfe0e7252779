package dev.maintenancedesk.kpi;

import dev.maintenancedesk.kpi.Figure.Status;
import dev.maintenancedesk.plan.Kpi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every KPI's formula, as a pure function of the samples {@link KpiData} reads (docs/kpis.md states
 * each one in words and gives the SQL). No Spring, no database: the unit tests feed crafted samples.
 * Percentiles interpolate linearly between ranks, like PostgreSQL's {@code percentile_cont}.
 */
final class KpiCalculators {

    static final String PERCENT = "percent";
    static final String HOURS = "hours";
    static final String COUNT = "count";

    private KpiCalculators() {
    }

    /** Successful ÷ all production deployment attempts (success, failure, rolled back). */
    static Figure deploymentSuccessRate(String period, long attempts, long successful, Kpi.Target target) {
        BigDecimal rate = percent(successful, attempts);
        return figure("deployment_success_rate", period, attempts, rate, PERCENT, target, null,
                Map.of("successful", successful));
    }

    /** A resolved ticket's resolution time: business minutes (the SLA clock) and wall-clock minutes, pauses excluded. */
    record Resolution(long businessMinutes, long wallMinutes) {}

    /** Mean (the plan's word), median and p90 of P1 resolution times; the mean in business hours meets or not. */
    static Figure p1ResolutionTime(String period, List<Resolution> resolved, Kpi.Target target) {
        List<Double> business = resolved.stream().map(r -> r.businessMinutes() / 60.0).toList();
        List<Double> wall = resolved.stream().map(r -> r.wallMinutes() / 60.0).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        if (!resolved.isEmpty()) {
            details.put("businessMean", round(mean(business)));
            details.put("businessMedian", round(percentile(business, 0.5)));
            details.put("businessP90", round(percentile(business, 0.9)));
            details.put("wallMean", round(mean(wall)));
            details.put("wallMedian", round(percentile(wall, 0.5)));
            details.put("wallP90", round(percentile(wall, 0.9)));
        }
        return figure("p1_mean_resolution_time", period, resolved.size(),
                resolved.isEmpty() ? null : round(mean(business)), HOURS, target, null, details);
    }

    /** Code-change tickets that reached MERGED (not exempt by label) with test evidence ÷ all of them. */
    static Figure ticketsWithTests(String period, long merged, long withTests, Kpi.Target target) {
        return figure("tickets_with_tests", period, merged, percent(withTests, merged), PERCENT, target, null,
                Map.of("withTests", withTests));
    }

    /** One coverage report: when, and its line coverage in percent. */
    record CoveragePoint(Instant at, String commit, BigDecimal percent) {}

    /**
     * Per component, the last report of the period against the report before it (which may be older
     * than the period). Met when no component went down; value = the smallest change, in points.
     * n = components reported in the period.
     */
    static Figure coverage(String period, Instant from, Instant to, Map<String, List<CoveragePoint>> byComponent,
            Kpi.Target target) {
        Map<String, Object> components = new TreeMap<>();
        BigDecimal lowest = null;
        int n = 0;
        for (var e : byComponent.entrySet()) {
            List<CoveragePoint> series = e.getValue().stream().filter(p -> p.at().isBefore(to))
                    .sorted(Comparator.comparing(CoveragePoint::at)).toList();
            if (series.isEmpty() || series.getLast().at().isBefore(from)) {
                continue;
            }
            n++;
            CoveragePoint last = series.getLast();
            BigDecimal previous = series.size() > 1 ? series.get(series.size() - 2).percent() : null;
            BigDecimal change = previous == null ? BigDecimal.ZERO : last.percent().subtract(previous);
            lowest = lowest == null || change.compareTo(lowest) < 0 ? change : lowest;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("last", last.percent());
            c.put("previous", previous);
            c.put("commit", last.commit());
            c.put("series", series.stream().filter(p -> !p.at().isBefore(from))
                    .map(p -> Map.of("at", p.at().toString(), "percent", p.percent())).toList());
            components.put(e.getKey(), c);
        }
        Status status = n == 0 ? Status.NO_DATA : lowest.signum() >= 0 ? Status.MET : Status.NOT_MET;
        return new Figure("test_coverage", period, n, lowest, "points", text(target), status,
                Map.of("components", components));
    }

    /**
     * Incidents of the period flagged recurring (same root cause after its corrective action). n =
     * incidents that started in the period; without the post-mortem module's detector there is no data.
     */
    static Figure recurringIncidents(String period, long incidents, List<Long> recurring, boolean detectorPresent,
            Kpi.Target target) {
        long n = detectorPresent ? incidents : 0;
        return figure("recurring_incidents", period, n, n == 0 ? null : BigDecimal.valueOf(recurring.size()), COUNT,
                target, null, n == 0 ? Map.of() : Map.of("tickets", recurring));
    }

    /**
     * Four Keys deployment frequency over [from, to): DAILY when the median week has successful
     * deployments on 3 days or more, WEEKLY when the median week has one, MONTHLY when the median month
     * has one, else YEARLY. Value = successful production deployments; n = the same count.
     */
    static Figure deploymentFrequency(String period, LocalDate from, LocalDate to, List<LocalDate> deployDays) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (!deployDays.isEmpty()) {
            details.put("bucket", bucket(from, to, deployDays));
        }
        return new Figure("deployment_frequency", period, deployDays.size(), BigDecimal.valueOf(deployDays.size()),
                COUNT, null, deployDays.isEmpty() ? Status.NO_DATA : Status.NO_TARGET, details);
    }

    static String bucket(LocalDate from, LocalDate to, List<LocalDate> deployDays) {
        Set<LocalDate> days = new HashSet<>(deployDays);
        List<Double> daysPerWeek = new ArrayList<>();
        List<Double> weekDeployed = new ArrayList<>();
        for (LocalDate w = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); w.isBefore(to);
                w = w.plusWeeks(1)) {
            long count = 0;
            for (int d = 0; d < 7; d++) {
                if (days.contains(w.plusDays(d))) {
                    count++;
                }
            }
            daysPerWeek.add((double) count);
            weekDeployed.add(count > 0 ? 1.0 : 0.0);
        }
        List<Double> monthDeployed = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); m.isBefore(to); m = m.plusMonths(1)) {
            LocalDate start = m;
            LocalDate end = m.plusMonths(1);
            monthDeployed.add(days.stream().anyMatch(d -> !d.isBefore(start) && d.isBefore(end)) ? 1.0 : 0.0);
        }
        if (percentile(daysPerWeek, 0.5) >= 3) {
            return "DAILY";
        }
        if (percentile(weekDeployed, 0.5) >= 1) {
            return "WEEKLY";
        }
        if (percentile(monthDeployed, 0.5) >= 1) {
            return "MONTHLY";
        }
        return "YEARLY";
    }

    /** Median hours from the first commit of a change to its successful production deployment. */
    static Figure leadTime(String period, List<Duration> leadTimes) {
        List<Double> hours = leadTimes.stream().map(d -> d.toMinutes() / 60.0).toList();
        return new Figure("lead_time_for_changes", period, hours.size(),
                hours.isEmpty() ? null : round(percentile(hours, 0.5)), HOURS, null,
                hours.isEmpty() ? Status.NO_DATA : Status.NO_TARGET, Map.of());
    }

    /** A production deployment attempt: when it finished and whether it succeeded. */
    record Deploy(long id, Instant finishedAt, boolean successful) {}

    /**
     * Deployments finished in [from, to) that failed (failure, rolled back) or, successful, were followed
     * by an incident opened within {@code window} after them and before the next production deployment,
     * ÷ deployments finished in [from, to). Each deployment counts once however many incidents follow
     * it, and an incident blames only the last deployment before it ({@code deploys} includes those
     * just outside the period so that blame is right at its edges): no double counting, never above 100 %.
     */
    static Figure changeFailureRate(String period, Instant from, Instant to, List<Deploy> deploys,
            List<Instant> incidents, Duration window) {
        List<Deploy> ordered = deploys.stream().sorted(Comparator.comparing(Deploy::finishedAt)).toList();
        List<Deploy> inPeriod = ordered.stream()
                .filter(d -> !d.finishedAt().isBefore(from) && d.finishedAt().isBefore(to)).toList();
        Set<Long> failed = new HashSet<>();
        inPeriod.stream().filter(d -> !d.successful()).forEach(d -> failed.add(d.id()));
        Instant[] finished = ordered.stream().map(Deploy::finishedAt).toArray(Instant[]::new);
        for (Instant incident : incidents) {
            if (incident.isBefore(from) || !incident.isBefore(to.plus(window))) {
                continue; // cannot blame a deployment of the period
            }
            // the last deployment finished at or before the incident (binary search on the sorted list)
            int i = java.util.Arrays.binarySearch(finished, incident);
            int last = i >= 0 ? lastEqual(finished, i) : -i - 2;
            if (last < 0) {
                continue;
            }
            Deploy blamed = ordered.get(last);
            if (blamed.successful() && incident.isBefore(blamed.finishedAt().plus(window))
                    && !blamed.finishedAt().isBefore(from) && blamed.finishedAt().isBefore(to)) {
                failed.add(blamed.id());
            }
        }
        return figure("change_failure_rate", period, inPeriod.size(), percent(failed.size(), inPeriod.size()),
                PERCENT, null, null, Map.of("failed", failed.size(), "windowHours", window.toMinutes() / 60.0));
    }

    private static int lastEqual(Instant[] sorted, int index) {
        int i = index;
        while (i + 1 < sorted.length && sorted[i + 1].equals(sorted[index])) {
            i++;
        }
        return i;
    }

    /** Median wall-clock hours (pauses excluded) from an incident's creation to its resolution. */
    static Figure timeToRestore(String period, List<Long> wallMinutes) {
        List<Double> hours = wallMinutes.stream().map(m -> m / 60.0).toList();
        return new Figure("time_to_restore", period, hours.size(), hours.isEmpty() ? null : round(percentile(hours, 0.5)),
                HOURS, null, hours.isEmpty() ? Status.NO_DATA : Status.NO_TARGET, Map.of());
    }

    /** Clocks of one priority that stopped in the period within their target ÷ all that stopped; target 100 %. */
    static Figure slaCompliance(String key, String period, long stopped, long met) {
        BigDecimal rate = percent(met, stopped);
        Status status = stopped == 0 ? Status.NO_DATA : met == stopped ? Status.MET : Status.NOT_MET;
        return new Figure(key, period, stopped, rate, PERCENT, "100%", status, Map.of("met", met));
    }

    private static Figure figure(String key, String period, long n, BigDecimal value, String unit, Kpi.Target target,
            BigDecimal previous, Map<String, Object> details) {
        Status status;
        if (n == 0 || value == null) {
            status = Status.NO_DATA;
        } else if (target == null) {
            status = Status.NO_TARGET;
        } else {
            status = target.isMetBy(value, previous) ? Status.MET : Status.NOT_MET;
        }
        return new Figure(key, period, n, n == 0 ? null : value, unit, text(target), status, details);
    }

    private static String text(Kpi.Target target) {
        return target == null ? null : target.text().fr();
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(2, RoundingMode.HALF_UP);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Linear interpolation between closest ranks ({@code percentile_cont}). */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
