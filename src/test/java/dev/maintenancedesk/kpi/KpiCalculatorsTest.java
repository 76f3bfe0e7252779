package dev.maintenancedesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.kpi.Figure.Status;
import dev.maintenancedesk.kpi.KpiCalculators.CoveragePoint;
import dev.maintenancedesk.kpi.KpiCalculators.Deploy;
import dev.maintenancedesk.kpi.KpiCalculators.Resolution;
import dev.maintenancedesk.plan.Kpi;
import dev.maintenancedesk.plan.Localized;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each KPI's formula on crafted samples: empty (never met), one sample, and a few. No Spring. */
class KpiCalculatorsTest {

    static final Kpi.Target AT_LEAST_95 = target(Kpi.Operator.AT_LEAST, 95, Kpi.Unit.PERCENT, "≥ 95%");
    static final Kpi.Target UNDER_4H = target(Kpi.Operator.LESS_THAN, 4, Kpi.Unit.HOURS, "< 4h");
    static final Kpi.Target ALL = target(Kpi.Operator.EQUAL, 100, Kpi.Unit.PERCENT, "100%");
    static final Kpi.Target ZERO = target(Kpi.Operator.EQUAL, 0, Kpi.Unit.COUNT, "0");
    static final Kpi.Target NOT_DOWN = new Kpi.Target(Kpi.Operator.NOT_DECREASING, null, Kpi.Unit.PERCENT,
            new Localized("Maintien", "Maintain"));
    static final Instant T = Instant.parse("2026-03-10T10:00:00Z");

    static Kpi.Target target(Kpi.Operator op, int value, Kpi.Unit unit, String text) {
        return new Kpi.Target(op, BigDecimal.valueOf(value), unit, new Localized(text, text));
    }

    @Test
    void deploymentSuccessRate() {
        Figure none = KpiCalculators.deploymentSuccessRate("2026-03", 0, 0, AT_LEAST_95);
        assertThat(none.status()).isEqualTo(Status.NO_DATA);
        assertThat(none.n()).isZero();
        assertThat(none.value()).isNull();
        assertThat(none.target()).isEqualTo("≥ 95%");
        Figure one = KpiCalculators.deploymentSuccessRate("2026-03", 1, 1, AT_LEAST_95);
        assertThat(one.value()).isEqualByComparingTo("100");
        assertThat(one.status()).isEqualTo(Status.MET);
        Figure some = KpiCalculators.deploymentSuccessRate("2026-03", 20, 18, AT_LEAST_95);
        assertThat(some.value()).isEqualByComparingTo("90");
        assertThat(some.status()).isEqualTo(Status.NOT_MET);
        assertThat(some.period()).isEqualTo("2026-03");
    }

    @Test
    void p1ResolutionTimeMeanMedianP90InBusinessAndWallClock() {
        assertThat(KpiCalculators.p1ResolutionTime("m", List.of(), UNDER_4H).status()).isEqualTo(Status.NO_DATA);
        Figure one = KpiCalculators.p1ResolutionTime("m", List.of(new Resolution(180, 900)), UNDER_4H);
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.value()).isEqualByComparingTo("3");
        assertThat(one.status()).isEqualTo(Status.MET);
        assertThat(one.details()).containsEntry("wallMedian", new BigDecimal("15.00"));
        // 1 h, 2 h, 3 h, 10 h business: mean 4 h (not < 4 h), median 2.5 h, p90 7.9 h
        Figure four = KpiCalculators.p1ResolutionTime("m", List.of(new Resolution(60, 60), new Resolution(120, 120),
                new Resolution(180, 180), new Resolution(600, 1200)), UNDER_4H);
        assertThat(four.value()).isEqualByComparingTo("4");
        assertThat(four.status()).isEqualTo(Status.NOT_MET);
        assertThat(four.details()).containsEntry("businessMedian", new BigDecimal("2.50"))
                .containsEntry("businessP90", new BigDecimal("7.90"))
                .containsEntry("wallMean", new BigDecimal("6.50"));
    }

    @Test
    void ticketsWithTests() {
        assertThat(KpiCalculators.ticketsWithTests("m", 0, 0, ALL).status()).isEqualTo(Status.NO_DATA);
        assertThat(KpiCalculators.ticketsWithTests("m", 1, 1, ALL).status()).isEqualTo(Status.MET);
        Figure some = KpiCalculators.ticketsWithTests("m", 3, 2, ALL);
        assertThat(some.value()).isEqualByComparingTo("66.67");
        assertThat(some.status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void coverageComparesEachComponentsLastReportWithThePreviousOne() {
        Instant from = T;
        Instant to = T.plus(Duration.ofDays(30));
        assertThat(KpiCalculators.coverage("m", from, to, Map.of(), NOT_DOWN).status()).isEqualTo(Status.NO_DATA);
        // one report, nothing to compare with: maintained
        Figure one = KpiCalculators.coverage("m", from, to,
                Map.of("api", List.of(new CoveragePoint(T.plusSeconds(60), "a1", new BigDecimal("80.0")))), NOT_DOWN);
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.status()).isEqualTo(Status.MET);
        // the previous report may be older than the period; one component going down fails the month
        Figure two = KpiCalculators.coverage("m", from, to, Map.of(
                "api", List.of(new CoveragePoint(T.minusSeconds(3600), "a0", new BigDecimal("80.0")),
                        new CoveragePoint(T.plusSeconds(60), "a1", new BigDecimal("81.5"))),
                "web", List.of(new CoveragePoint(T.plusSeconds(10), "w0", new BigDecimal("70.0")),
                        new CoveragePoint(T.plusSeconds(20), "w1", new BigDecimal("69.0"))),
                "old", List.of(new CoveragePoint(T.minusSeconds(10), "o0", new BigDecimal("50.0")))), NOT_DOWN);
        assertThat(two.n()).isEqualTo(2);
        assertThat(two.value()).isEqualByComparingTo("-1.0");
        assertThat(two.status()).isEqualTo(Status.NOT_MET);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) two.details().get("components");
        assertThat(components).containsOnlyKeys("api", "web");
        assertThat(components.get("api")).containsEntry("previous", new BigDecimal("80.0"));
    }

    @Test
    void recurringIncidentsWithoutADetectorIsNoData() {
        assertThat(KpiCalculators.recurringIncidents("m", 5, List.of(), false, ZERO).status()).isEqualTo(Status.NO_DATA);
        assertThat(KpiCalculators.recurringIncidents("m", 5, List.of(), false, ZERO).n()).isZero();
        assertThat(KpiCalculators.recurringIncidents("m", 0, List.of(), true, ZERO).status()).isEqualTo(Status.NO_DATA);
        Figure one = KpiCalculators.recurringIncidents("m", 1, List.of(), true, ZERO);
        assertThat(one.status()).isEqualTo(Status.MET);
        Figure recurring = KpiCalculators.recurringIncidents("m", 3, List.of(12L), true, ZERO);
        assertThat(recurring.value()).isEqualByComparingTo("1");
        assertThat(recurring.status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void deploymentFrequencyFourKeysBuckets() {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 4, 1);
        assertThat(KpiCalculators.deploymentFrequency("m", from, to, List.of()).status()).isEqualTo(Status.NO_DATA);
        Figure one = KpiCalculators.deploymentFrequency("m", from, to, List.of(LocalDate.of(2026, 3, 10)));
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.details()).containsEntry("bucket", "MONTHLY");
        List<LocalDate> weekly = List.of(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 17),
                LocalDate.of(2026, 3, 24), LocalDate.of(2026, 3, 31));
        assertThat(KpiCalculators.bucket(from, to, weekly)).isEqualTo("WEEKLY");
        List<LocalDate> daily = new java.util.ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 2, 23); d.isBefore(to.plusDays(6)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 3) {
                daily.add(d);
            }
        }
        assertThat(KpiCalculators.bucket(from, to, daily)).isEqualTo("DAILY");
        assertThat(KpiCalculators.bucket(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
                List.of(LocalDate.of(2026, 5, 5)))).isEqualTo("YEARLY");
    }

    @Test
    void leadTimeIsTheMedian() {
        assertThat(KpiCalculators.leadTime("m", List.of()).status()).isEqualTo(Status.NO_DATA);
        assertThat(KpiCalculators.leadTime("m", List.of(Duration.ofHours(5))).value()).isEqualByComparingTo("5");
        Figure three = KpiCalculators.leadTime("m", List.of(Duration.ofHours(1), Duration.ofHours(30), Duration.ofHours(2)));
        assertThat(three.value()).isEqualByComparingTo("2");
        assertThat(three.n()).isEqualTo(3);
        assertThat(three.status()).isEqualTo(Status.NO_TARGET);
    }

    @Test
    void changeFailureRateCountsEachDeploymentOnceAndBlamesOnlyTheLastOne() {
        Instant from = T;
        Instant to = T.plus(Duration.ofDays(30));
        Duration day = Duration.ofHours(24);
        assertThat(KpiCalculators.changeFailureRate("m", from, to, List.of(), List.of(T), day).status())
                .isEqualTo(Status.NO_DATA);
        Deploy ok = new Deploy(1, T.plusSeconds(3600), true);
        assertThat(KpiCalculators.changeFailureRate("m", from, to, List.of(ok), List.of(), day).value())
                .isEqualByComparingTo("0");
        // one failed deploy, one followed by two incidents (counted once), one whose incident came after the
        // window, and one whose incident is blamed on the deploy after it
        Deploy failed = new Deploy(2, T.plus(Duration.ofDays(2)), false);
        Deploy twoIncidents = new Deploy(3, T.plus(Duration.ofDays(4)), true);
        Deploy late = new Deploy(4, T.plus(Duration.ofDays(8)), true);
        Deploy earlier = new Deploy(5, T.plus(Duration.ofDays(12)), true);
        Deploy blamed = new Deploy(6, T.plus(Duration.ofDays(12)).plusSeconds(600), true);
        List<Instant> incidents = List.of(T.plus(Duration.ofDays(4)).plusSeconds(60),
                T.plus(Duration.ofDays(4)).plusSeconds(120), T.plus(Duration.ofDays(9)).plusSeconds(60),
                T.plus(Duration.ofDays(12)).plusSeconds(1200));
        Figure f = KpiCalculators.changeFailureRate("m", from, to,
                List.of(ok, failed, twoIncidents, late, earlier, blamed), incidents, day);
        assertThat(f.n()).isEqualTo(6);
        assertThat(f.details()).containsEntry("failed", 3);
        assertThat(f.value()).isEqualByComparingTo("50");
        // a deploy before the period is not counted, and an incident it caused does not shift to another
        Deploy before = new Deploy(7, T.minusSeconds(600), true);
        Figure edge = KpiCalculators.changeFailureRate("m", from, to, List.of(before, ok), List.of(T.plusSeconds(60)), day);
        assertThat(edge.n()).isEqualTo(1);
        assertThat(edge.value()).isEqualByComparingTo("0");
    }

    @Test
    void timeToRestoreIsTheMedianWallClock() {
        assertThat(KpiCalculators.timeToRestore("m", List.of()).status()).isEqualTo(Status.NO_DATA);
        assertThat(KpiCalculators.timeToRestore("m", List.of(90L)).value()).isEqualByComparingTo("1.5");
        assertThat(KpiCalculators.timeToRestore("m", List.of(60L, 120L, 240L, 600L)).value()).isEqualByComparingTo("3");
    }

    @Test
    void slaCompliancePerPriority() {
        Figure none = KpiCalculators.slaCompliance("sla_take_charge_P1", "m", 0, 0);
        assertThat(none.status()).isEqualTo(Status.NO_DATA);
        assertThat(KpiCalculators.slaCompliance("sla_take_charge_P1", "m", 1, 1).status()).isEqualTo(Status.MET);
        Figure some = KpiCalculators.slaCompliance("sla_resolution_P2", "m", 4, 3);
        assertThat(some.value()).isEqualByComparingTo("75");
        assertThat(some.status()).isEqualTo(Status.NOT_MET);
        assertThat(some.target()).isEqualTo("100%");
    }

    @Test
    void percentilesInterpolateLikePercentileCont() {
        assertThat(KpiCalculators.percentile(List.of(1.0, 2.0, 3.0, 4.0), 0.5)).isEqualTo(2.5);
        assertThat(KpiCalculators.percentile(List.of(7.0), 0.9)).isEqualTo(7.0);
        assertThat(KpiCalculators.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9)).isEqualTo(9.1, org.assertj.core.data.Offset.offset(1e-9));
    }
}
