package dev.maintenancedesk.preventive;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar's cluster-safe job: db-scheduler runs each execution on one instance only (it picks the row
 * of {@code scheduled_tasks}); the unique (action, period) key keeps one ticket per period even if a run
 * overlaps a {@code desk preventive run} from the CLI. Every {@code desk.preventive.interval} (15 minutes)
 * it opens what has come due and raises the alerts; the first run waits {@code desk.preventive.delay}.
 */
@Configuration(proxyBeanMethods = false)
class PreventiveSchedule {

    @Bean
    RecurringTask<Void> preventiveCalendarTask(PreventiveCalendar calendar,
            @Value("${desk.preventive.interval:PT15M}") Duration interval,
            @Value("${desk.preventive.delay:PT30S}") Duration delay) {
        return Tasks.recurring("preventive-calendar", new Delayed(FixedDelay.of(interval), delay))
                .execute((instance, context) -> {
                    calendar.run();
                    calendar.raiseAlerts();
                });
    }

    /** A fixed delay whose first execution comes {@code first} after start-up rather than at once. */
    record Delayed(FixedDelay every, Duration first) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return every.getNextExecutionTime(complete);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(first);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
