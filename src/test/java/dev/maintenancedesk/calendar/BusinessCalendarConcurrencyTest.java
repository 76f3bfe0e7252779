package dev.maintenancedesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.PlanLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One calendar shared by many threads, its caches filled concurrently, answers as a lone thread's. */
class BusinessCalendarConcurrencyTest {

    @Test
    void sharedByThreadsWhileItsCachesFill() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2090-01-01T00:00:00Z").getEpochSecond();
        int n = 20_000;
        Instant[] starts = new Instant[n];
        Duration[] durations = new Duration[n];
        for (int i = 0; i < n; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, to));
            durations[i] = Duration.ofMinutes(random.nextLong(0, 20_000));
        }
        BusinessCalendar reference = BusinessCalendar.of(PlanLoader.loadDefault().calendar());
        Instant[] expected = new Instant[n];
        for (int i = 0; i < n; i++) {
            expected[i] = reference.add(starts[i], durations[i]);
        }
        BusinessCalendar shared = BusinessCalendar.of(PlanLoader.loadDefault().calendar());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Instant[]>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 997;
                tasks.add(() -> {
                    Instant[] got = new Instant[n];
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset) % n;
                        got[i] = shared.add(starts[i], durations[i]);
                    }
                    return got;
                });
            }
            for (Future<Instant[]> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
