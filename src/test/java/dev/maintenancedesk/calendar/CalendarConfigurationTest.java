package dev.maintenancedesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.CalendarSettings.Holidays;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The calendar beans follow the Plan bean, and a calendar the arithmetic cannot use stops start-up. */
class CalendarConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class);

    @Test
    void beansOfThePlansCalendar() {
        runner.withBean(Plan.class, PlanLoader::loadDefault).run(context -> {
            assertThat(context.getBean(BusinessCalendar.class)).isSameAs(context.getBean(Deadlines.class).calendar());
            assertThat(context.getBean(BusinessCalendar.class).standardDay()).isEqualTo(Duration.ofMinutes(540));
        });
    }

    @Test
    void anUnknownHolidayRegionStopsStartUp() {
        Plan plan = PlanLoader.loadDefault();
        CalendarSettings c = plan.calendar();
        Plan bad = new Plan(plan.name(), plan.objectives(), plan.maintenanceTypes(), plan.ticketing(), plan.labels(),
                plan.priorities(), plan.sla(), new CalendarSettings(c.zone(), c.hours(), new Holidays("FR", "alsace"),
                        c.closures()), plan.workflow(), plan.changeManagement(), plan.releaseCalendar(), plan.kpis(),
                plan.backlog(), plan.documentation(), plan.preventive(), plan.watch(), plan.deprecation(),
                plan.postmortem(), plan.futureImprovements(), plan.templates());
        runner.withBean(Plan.class, () -> bad).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageStartingWith("unknown holiday region \"alsace\""));
    }
}
