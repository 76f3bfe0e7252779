package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Teams and their calendars (plan section 15, "multi-fuseaux horaires"). */
class PlanTeamsTest {

    @Test
    void theDefaultPlanHasOneTeamOnThePlansCalendar() {
        Plan plan = PlanLoader.loadDefault();
        assertThat(plan.teams()).extracting(Team::key).containsExactly("core");
        assertThat(plan.calendarOf("core")).isSameAs(plan.calendar());
        assertThat(plan.calendarOf(null)).isSameAs(plan.calendar());
    }

    @Test
    void aTeamMayHaveItsOwnCalendar() {
        Plan plan = PlanLoader.parse(withTeams("""
                  - key: apac
                    name: { fr: Asie-Pacifique, en: Asia Pacific }
                    calendar:
                      zone: Australia/Sydney
                      hours: { monday: ["08:30-12:00", "13:00-17:00"], friday: ["08:30-12:00"] }
                      holidays: { country: AU, region: nsw }
                """), "test");
        CalendarSettings apac = plan.calendarOf("apac");
        assertThat(apac.zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(apac.minutesOn(java.time.DayOfWeek.MONDAY)).isEqualTo(450);
    }

    @Test
    void badTeamsAreReportedWithTheirPath() {
        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, () -> PlanLoader.parse(withTeams("""
                  - key: ops
                    name: Ops
                  - key: ops
                    name: Ops again
                    calendar:
                      zone: Mars/Olympus
                      hours: { monday: ["18:00-09:00"] }
                      holidays: { country: FR }
                """), "test"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("teams[1].key:").contains("duplicate"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("teams[1].calendar.zone:"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("teams[1].calendar.hours.monday[0]:"));
    }

    private static String withTeams(String teams) {
        return PlanValidationTestSupport.defaultYaml().replaceFirst("(?ms)^teams:.*", "teams:\n" + teams);
    }
}
