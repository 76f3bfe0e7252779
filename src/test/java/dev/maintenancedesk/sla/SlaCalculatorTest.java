package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.SlaPolicy;
import dev.maintenancedesk.tickets.TicketState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clocks of DESIGN §5 on the CESIZen calendar (Mon–Fri 09:00–18:00 Europe/Paris, French holidays). */
class SlaCalculatorTest {

    private static final Plan PLAN = PlanLoader.loadDefault();
    private final SlaCalculator recompute = calculator(SlaPolicy.PriorityChange.RECOMPUTE);

    @Test
    void workedExampleP1() {
        TicketSla sla = ticket("2026-03-10T16:30:00+01:00").priority(Priority.P1).at("2026-03-10T16:30:00+01:00")
                .now("2026-03-10T16:45:00+01:00");
        assertThat(sla.takeCharge().deadline()).isEqualTo(t("2026-03-10T17:30:00+01:00"));
        assertThat(sla.resolution().deadline()).isEqualTo(t("2026-03-11T10:30:00+01:00"));
        assertThat(sla.takeCharge().state()).isEqualTo(ClockState.RUNNING);
        assertThat(sla.takeCharge().elapsedMinutes()).isEqualTo(15);
        assertThat(sla.takeCharge().remainingMinutes()).isEqualTo(45);
        assertThat(sla.takeCharge().percentUsed()).isEqualTo(25);
    }

    @Test
    void workedExampleP2OverAscension() {
        TicketSla sla = ticket("2026-05-13T15:00:00+02:00").priority(Priority.P2).at("2026-05-13T15:00:00+02:00")
                .now("2026-05-13T15:00:00+02:00");
        assertThat(sla.resolution().deadline()).isEqualTo(t("2026-05-15T12:00:00+02:00"));
    }

    @Test
    void workedExampleP2AcrossTheSpringDstChange() {
        TicketSla sla = ticket("2026-03-27T15:00:00+01:00").priority(Priority.P2).at("2026-03-27T15:00:00+01:00")
                .now("2026-03-27T15:00:00+01:00");
        assertThat(sla.resolution().deadline()).isEqualTo(t("2026-03-30T12:00:00+02:00"));
        assertThat(sla.resolution().deadline().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void aTicketCreatedAtClosingTimeStartsAtTheNextOpening() {
        TicketSla sla = ticket("2026-03-10T18:00:00+01:00").priority(Priority.P1).at("2026-03-10T18:00:00+01:00")
                .now("2026-03-10T23:00:00+01:00");
        assertThat(sla.takeCharge().elapsedMinutes()).isZero();
        assertThat(sla.takeCharge().deadline()).isEqualTo(t("2026-03-11T10:00:00+01:00"));
    }

    @Test
    void takeChargeStopsAtTheFirstAssignmentAndResolutionAtMerge() {
        TicketSla sla = ticket("2026-03-10T10:00:00+01:00").priority(Priority.P2).at("2026-03-10T10:00:00+01:00")
                .state(TicketState.TRIAGED, "2026-03-10T10:10:00+01:00")
                .state(TicketState.ASSIGNED, "2026-03-10T10:30:00+01:00")
                .state(TicketState.IN_PROGRESS, "2026-03-10T11:00:00+01:00")
                .state(TicketState.IN_REVIEW, "2026-03-10T14:00:00+01:00")
                .state(TicketState.MERGED, "2026-03-10T15:00:00+01:00")
                .now("2026-03-12T09:00:00+01:00");
        assertThat(sla.takeCharge().state()).isEqualTo(ClockState.MET);
        assertThat(sla.takeCharge().elapsedMinutes()).isEqualTo(30);
        assertThat(sla.takeCharge().stoppedAt()).isEqualTo(t("2026-03-10T10:30:00+01:00"));
        assertThat(sla.resolution().state()).isEqualTo(ClockState.MET);
        assertThat(sla.resolution().elapsedMinutes()).isEqualTo(300);
    }

    @Test
    void aPauseOverAWeekendExtendsTheDeadlineByThePausedBusinessTimeOnly() {
        // P3: resolution 5 business days. Created Fri 10:00, waiting Fri 11:00 → Tue 11:00.
        TicketSla sla = ticket("2026-03-13T10:00:00+01:00").priority(Priority.P3).at("2026-03-13T10:00:00+01:00")
                .state(TicketState.WAITING, "2026-03-13T11:00:00+01:00")
                .state(TicketState.NEW, "2026-03-17T11:00:00+01:00")
                .now("2026-03-17T12:00:00+01:00");
        assertThat(sla.resolution().elapsedMinutes()).isEqualTo(120);
        // Without the pause: Fri 10:00 + 5 days → Fri 20 Mar 10:00. Paused: Fri 11–18 + Mon + Tue 9–11 = 7+9+2 = 18h.
        assertThat(sla.resolution().deadline()).isEqualTo(t("2026-03-24T10:00:00+01:00"));
        assertThat(sla.resolution().state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void aPauseWithNoBusinessTimeInItChangesNothing() {
        TicketSla paused = ticket("2026-03-13T17:00:00+01:00").priority(Priority.P2).at("2026-03-13T17:00:00+01:00")
                .state(TicketState.WAITING, "2026-03-13T18:30:00+01:00")
                .state(TicketState.NEW, "2026-03-16T08:00:00+01:00")
                .now("2026-03-16T10:00:00+01:00");
        TicketSla plain = ticket("2026-03-13T17:00:00+01:00").priority(Priority.P2).at("2026-03-13T17:00:00+01:00")
                .now("2026-03-16T10:00:00+01:00");
        assertThat(paused.resolution().deadline()).isEqualTo(plain.resolution().deadline());
        assertThat(paused.resolution().elapsedMinutes()).isEqualTo(plain.resolution().elapsedMinutes()).isEqualTo(120);
    }

    @Test
    void whileWaitingTheClockIsPausedAndTheDeadlineIsProjectedFromNow() {
        TicketSla sla = ticket("2026-03-10T09:00:00+01:00").priority(Priority.P1).at("2026-03-10T09:00:00+01:00")
                .state(TicketState.WAITING, "2026-03-10T09:20:00+01:00")
                .now("2026-03-10T15:00:00+01:00");
        assertThat(sla.takeCharge().state()).isEqualTo(ClockState.PAUSED);
        assertThat(sla.takeCharge().elapsedMinutes()).isEqualTo(20);
        assertThat(sla.takeCharge().deadline()).isEqualTo(t("2026-03-10T15:40:00+01:00"));
    }

    @Test
    void timeSpentClosedDoesNotCountAfterAReopen() {
        TicketSla sla = ticket("2026-03-10T09:00:00+01:00").priority(Priority.P3).at("2026-03-10T09:00:00+01:00")
                .state(TicketState.REJECTED, "2026-03-10T10:00:00+01:00")
                .state(TicketState.TRIAGED, "2026-03-12T10:00:00+01:00")
                .now("2026-03-12T12:00:00+01:00");
        assertThat(sla.resolution().elapsedMinutes()).isEqualTo(180);
        assertThat(sla.resolution().state()).isEqualTo(ClockState.RUNNING);
        assertThat(sla.resolution().startedAt()).isEqualTo(t("2026-03-10T09:00:00+01:00"));
    }

    @Test
    void aPriorityRaiseRecomputesFromCreationAndMayBreachAtOnce() {
        TicketSla sla = ticket("2026-03-10T09:00:00+01:00").priority(Priority.P3).at("2026-03-10T09:00:00+01:00")
                .priority(Priority.P1).at("2026-03-10T13:00:00+01:00")
                .now("2026-03-10T13:00:00+01:00");
        assertThat(sla.priority()).isEqualTo("P1");
        assertThat(sla.takeCharge().state()).isEqualTo(ClockState.BREACHED);
        assertThat(sla.takeCharge().deadline()).isEqualTo(t("2026-03-10T10:00:00+01:00"));
        assertThat(sla.resolution().state()).isEqualTo(ClockState.BREACHED);
        assertThat(sla.resolution().deadline()).isEqualTo(t("2026-03-10T12:00:00+01:00"));
    }

    @Test
    void aPriorityDropRecomputesFromCreationAndGivesMoreTime() {
        TicketSla sla = ticket("2026-03-10T09:00:00+01:00").priority(Priority.P1).at("2026-03-10T09:00:00+01:00")
                .priority(Priority.P3).at("2026-03-10T09:30:00+01:00")
                .now("2026-03-10T11:00:00+01:00");
        assertThat(sla.takeCharge().state()).isEqualTo(ClockState.RUNNING);
        assertThat(sla.takeCharge().target()).isEqualTo("1d");
        assertThat(sla.takeCharge().deadline()).isEqualTo(t("2026-03-10T18:00:00+01:00"));
    }

    @Test
    void restartAtChangeCountsFromTheChange() {
        TicketSla sla = build(calculator(SlaPolicy.PriorityChange.RESTART_AT_CHANGE), "2026-03-10T09:00:00+01:00")
                .priority(Priority.P3).at("2026-03-10T09:00:00+01:00")
                .priority(Priority.P1).at("2026-03-10T13:00:00+01:00")
                .now("2026-03-10T13:30:00+01:00");
        assertThat(sla.takeCharge().state()).isEqualTo(ClockState.RUNNING);
        assertThat(sla.takeCharge().elapsedMinutes()).isEqualTo(30);
        assertThat(sla.takeCharge().deadline()).isEqualTo(t("2026-03-10T14:00:00+01:00"));
    }

    @Test
    void atRiskFromThreeQuartersOfTheTarget() {
        Builder b = ticket("2026-03-10T09:00:00+01:00").priority(Priority.P1).at("2026-03-10T09:00:00+01:00");
        assertThat(b.now("2026-03-10T09:44:00+01:00").takeCharge().atRisk()).isFalse();
        TicketSla risky = b.now("2026-03-10T09:45:00+01:00");
        assertThat(risky.takeCharge().atRisk()).isTrue();
        assertThat(risky.takeCharge().atRiskAt()).isEqualTo(t("2026-03-10T09:45:00+01:00"));
        assertThat(b.now("2026-03-10T10:00:00+01:00").takeCharge().state()).isEqualTo(ClockState.BREACHED);
        assertThat(b.now("2026-03-10T10:00:00+01:00").takeCharge().atRisk()).isFalse();
    }

    @Test
    void p4ResolutionIsDueAtTheCloseOfTheNextMinorWindowAfterTriage() {
        // MINOR windows: first Tuesday of each month. Triaged Wed 11 Mar 2026 → Tue 7 Apr 18:00.
        TicketSla sla = ticket("2026-03-10T09:00:00+01:00").priority(Priority.P4).at("2026-03-10T09:00:00+01:00")
                .state(TicketState.TRIAGED, "2026-03-11T09:00:00+01:00")
                .now("2026-03-11T10:00:00+01:00");
        assertThat(sla.resolution().target()).isEqualTo("release");
        assertThat(sla.resolution().deadline()).isEqualTo(t("2026-04-07T18:00:00+02:00"));
    }

    @Test
    void withoutAPriorityThereIsNoTargetButTimeIsCounted() {
        TicketSla sla = ticket("2026-03-10T09:00:00+01:00").now("2026-03-10T10:00:00+01:00");
        assertThat(sla.priority()).isNull();
        assertThat(sla.takeCharge().target()).isNull();
        assertThat(sla.takeCharge().deadline()).isNull();
        assertThat(sla.takeCharge().elapsedMinutes()).isEqualTo(60);
    }

    // "The same history gives the same clocks" is checked where it matters, against PostgreSQL:
    // SlaRebuildFromDatabaseTest rebuilds the clocks from the stored history and compares them with the live ones.

    // --- a small language for histories

    private static SlaCalculator calculator(SlaPolicy.PriorityChange mode) {
        SlaPolicy policy = new SlaPolicy(PLAN.sla().targets(), PLAN.sla().atRiskThreshold(), mode);
        return new SlaCalculator(Deadlines.of(PLAN), policy);
    }

    private Builder ticket(String created) {
        return build(recompute, created);
    }

    private static Builder build(SlaCalculator calculator, String created) {
        return new Builder(calculator, Instant.from(OffsetDateTime.parse(created)));
    }

    private static OffsetDateTime t(String s) {
        return OffsetDateTime.parse(s);
    }

    static final class Builder {
        private final SlaCalculator calculator;
        private final Instant created;
        private final List<Timeline.Step> steps = new ArrayList<>();
        private Priority pending;

        Builder(SlaCalculator calculator, Instant created) {
            this.calculator = calculator;
            this.created = created;
        }

        Builder priority(Priority p) {
            pending = p;
            return this;
        }

        Builder at(String when) {
            steps.add(new Timeline.Step(OffsetDateTime.parse(when).toInstant(), pending, null));
            return this;
        }

        Builder state(TicketState to, String when) {
            steps.add(new Timeline.Step(OffsetDateTime.parse(when).toInstant(), null, to));
            return this;
        }

        TicketSla now(String when) {
            return calculator.compute(new Timeline(created, List.copyOf(steps)), OffsetDateTime.parse(when).toInstant());
        }
    }
}
