package dev.maintenancedesk.calendar;

import dev.maintenancedesk.plan.Plan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan's calendar and deadlines as beans, built at start-up so that a calendar the arithmetic
 * cannot use (an unknown holiday region) stops the application instead of the first SLA computation.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    Deadlines deadlines(Plan plan) {
        return Deadlines.of(plan);
    }

    @Bean
    BusinessCalendar businessCalendar(Deadlines deadlines) {
        return deadlines.calendar();
    }
}
