package bench;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.SlaTarget;
import java.time.Instant;
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

/** P4 resolution ("planned release"): the end of the next MINOR window, an RRULE walk by lib-recur. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ReleaseWindowBenchmark {

    private static final int STARTS = 1 << 14;
    private static final SlaTarget RELEASE = new SlaTarget.NextMinorRelease();

    private Deadlines deadlines;
    private final Instant[] starts = new Instant[STARTS];
    private int next;

    @Setup
    public void setUp() {
        deadlines = Deadlines.of(PlanLoader.loadDefault());
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < STARTS; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, to));
        }
    }

    @Benchmark
    public Instant p4Resolution() {
        return deadlines.due(starts[next++ & (STARTS - 1)], RELEASE);
    }
}
