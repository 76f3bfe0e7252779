package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fetch's schedule: one interval after each run, the first one interval after the task is first scheduled. */
class WatchScheduleTest {

    @Test
    void everyIntervalAfterTheLastRunAndNotAtOnce() {
        WatchSchedule.Every every = new WatchSchedule.Every(Duration.ofHours(6));
        Instant start = Instant.parse("2026-11-30T08:00:00Z");
        assertThat(every.getInitialExecutionTime(start)).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        Instant done = Instant.parse("2026-11-30T14:03:00Z");
        assertThat(every.getNextExecutionTime(ExecutionComplete.success((Execution) null, done.minusSeconds(180), done)))
                .isEqualTo(Instant.parse("2026-11-30T20:03:00Z"));
        assertThat(every.isDeterministic()).isFalse();
    }
}
