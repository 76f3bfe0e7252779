package dev.maintenancedesk.sla;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.tickets.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rebuilding the clocks of 1,000,000 tickets from their histories on one core: each history is a
 * realistic walk through the workflow (triage, assignment, review, merge), a fifth of them with a
 * WAITING pause and a tenth with a priority change, created over 2026 on the CESIZen calendar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Threads(1)
public class SlaRebuildBenchmark {

    static final int TICKETS = 1_000_000;

    private SlaCalculator calculator;
    private List<Timeline> timelines;
    private Instant now;

    @Setup
    public void histories() {
        Plan plan = PlanLoader.loadDefault();
        calculator = new SlaCalculator(Deadlines.of(plan), plan.sla());
        SplittableRandom random = new SplittableRandom(42);
        Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
        now = Instant.parse("2027-01-15T10:00:00Z");
        Priority[] priorities = Priority.values();
        timelines = new ArrayList<>(TICKETS);
        for (int i = 0; i < TICKETS; i++) {
            Instant t = yearStart.plusSeconds(random.nextLong(365L * 24 * 3600));
            List<Timeline.Step> steps = new ArrayList<>(9);
            steps.add(new Timeline.Step(t, priorities[random.nextInt(4)], null));
            t = t.plus(Duration.ofMinutes(5 + random.nextInt(120)));
            steps.add(new Timeline.Step(t, null, TicketState.TRIAGED));
            if (random.nextInt(10) == 0) {
                steps.add(new Timeline.Step(t, priorities[random.nextInt(4)], null));
            }
            t = t.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            steps.add(new Timeline.Step(t, null, TicketState.ASSIGNED));
            t = t.plus(Duration.ofMinutes(random.nextInt(600)));
            steps.add(new Timeline.Step(t, null, TicketState.IN_PROGRESS));
            if (random.nextInt(5) == 0) {
                t = t.plus(Duration.ofMinutes(random.nextInt(300)));
                steps.add(new Timeline.Step(t, null, TicketState.WAITING));
                t = t.plus(Duration.ofMinutes(random.nextInt(3000)));
                steps.add(new Timeline.Step(t, null, TicketState.IN_PROGRESS));
            }
            if (random.nextInt(4) != 0) {
                t = t.plus(Duration.ofMinutes(random.nextInt(3000)));
                steps.add(new Timeline.Step(t, null, TicketState.IN_REVIEW));
                t = t.plus(Duration.ofMinutes(random.nextInt(600)));
                steps.add(new Timeline.Step(t, null, TicketState.MERGED));
            }
            timelines.add(new Timeline(steps.getFirst().at(), List.copyOf(steps)));
        }
    }

    @Benchmark
    public void rebuildMillionTickets(Blackhole sink) {
        for (Timeline timeline : timelines) {
            sink.consume(calculator.compute(timeline, now));
        }
    }
}
