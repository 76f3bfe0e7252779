package bench;

import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.plan.PlanLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deadline computations per second on one core, for each SLA target of the default plan (Mon-Fri
 * 09:00-18:00 Europe/Paris, French holidays), from random creation instants over 2026-2027 (in and out
 * of business hours, weekends and holidays included).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class BusinessTimeBenchmark {

    private static final int STARTS = 1 << 14;

    /** P1 1h/3h, P2 2h/6h, P3 1d/5d, P4 2d, in business minutes (1d = 540). */
    @Param({"60", "180", "120", "360", "540", "2700", "1080"})
    public long minutes;

    private BusinessCalendar calendar;
    private Duration target;
    private final Instant[] starts = new Instant[STARTS];
    private int next;

    @Setup
    public void setUp() {
        calendar = BusinessCalendar.of(PlanLoader.loadDefault().calendar());
        target = Duration.ofMinutes(minutes);
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < STARTS; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, to));
        }
    }

    private Instant nextStart() {
        return starts[next++ & (STARTS - 1)];
    }

    @Benchmark
    public Instant deadline() {
        return calendar.add(nextStart(), target);
    }

    @Benchmark
    public Duration betweenStartAndDeadline() {
        Instant start = nextStart();
        return calendar.between(start, start.plus(target.multipliedBy(3)));
    }
}
