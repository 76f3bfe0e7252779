package dev.maintenancedesk.preventive;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar's cluster-safe job: db-scheduler runs each execution on one instance only (it picks the row
 * of {@code scheduled_tasks}); the unique (action, period) key keeps a ticket per period even if a run
 * overlaps a {@code desk preventive run} from the CLI.
 */
@Configuration(proxyBeanMethods = false)
class PreventiveSchedule {

    @Bean
    RecurringTask<Void> preventiveCalendarTask(PreventiveCalendar calendar,
            @Value("${desk.preventive.interval:PT15M}") Duration interval) {
        return Tasks.recurring("preventive-calendar", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    calendar.run();
                    calendar.raiseAlerts();
                });
    }
}
