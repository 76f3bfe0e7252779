package dev.maintenancedesk.watch;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fetch runs through db-scheduler: one instance of the cluster picks each execution from
 * {@code scheduled_tasks}. Every {@code DESK_WATCH_FETCH_INTERVAL} (6 h), the first one interval after the
 * first start (a lead may fetch at once from the sources page).
 */
@Configuration(proxyBeanMethods = false)
class WatchSchedule {

    @Bean
    RecurringTask<Void> watchFetch(TechnologyWatch watch, @Value("${desk.watch.fetch-interval:PT6H}") Duration interval) {
        return Tasks.recurring("watch-fetch", new Every(interval)).execute((instance, context) -> watch.fetchAll());
    }

    /** A fixed delay after each run, whose first run is one interval after the task is first scheduled. */
    record Every(Duration interval) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return complete.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
