package dev.maintenancedesk.calendar;

import static dev.maintenancedesk.calendar.BusinessCalendarTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.SlaTarget;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLA targets of the default plan turned into deadlines. */
class DeadlinesTest {

    static final Plan PLAN = PlanLoader.loadDefault();
    static final Deadlines DEADLINES = Deadlines.of(PLAN);

    @ParameterizedTest(name = "{0} created {1}: take-charge {2}, resolution {3}")
    @CsvSource({
            "P1, 2026-03-10T16:30:00+01:00, 2026-03-10T17:30:00+01:00, 2026-03-11T10:30:00+01:00",
            "P2, 2026-05-13T15:00:00+02:00, 2026-05-13T17:00:00+02:00, 2026-05-15T12:00:00+02:00",
            "P2, 2026-03-27T15:00:00+01:00, 2026-03-27T17:00:00+01:00, 2026-03-30T12:00:00+02:00",
            // 1d = 540 business minutes; 5d from Wednesday 14:00 ends the next Wednesday 14:00
            "P3, 2026-03-11T14:00:00+01:00, 2026-03-12T14:00:00+01:00, 2026-03-18T14:00:00+01:00",
            // P4: 2d take-charge; resolution at 18:00 on the next first Tuesday of a month (7 April 2026)
            "P4, 2026-03-10T16:30:00+01:00, 2026-03-12T16:30:00+01:00, 2026-04-07T18:00:00+02:00",
    })
    void targetsOfThePlan(Priority priority, String created, String takeCharge, String resolution) {
        var targets = PLAN.sla().targets(priority);
        assertThat(DEADLINES.due(at(created), targets.takeCharge())).isEqualTo(at(takeCharge));
        assertThat(DEADLINES.due(at(created), targets.resolution())).isEqualTo(at(resolution));
    }

    @Test
    void aWindowOnTheStartDayIsTooCloseSoTheNextOneCounts() {
        assertThat(DEADLINES.endOfNextMinorWindow(at("2026-04-07T08:00:00+02:00"))).isEqualTo(at("2026-05-05T18:00:00+02:00"));
        assertThat(DEADLINES.endOfNextMinorWindow(at("2026-04-06T23:59:59+02:00"))).isEqualTo(at("2026-04-07T18:00:00+02:00"));
        // the day is taken in the calendar's zone: 22:30 UTC on 6 April is already 7 April in Paris
        assertThat(DEADLINES.endOfNextMinorWindow(at("2026-04-06T22:30:00Z"))).isEqualTo(at("2026-05-05T18:00:00+02:00"));
    }

    @Test
    void aWindowOnAHolidaySlipsToTheNextBusinessDay() {
        // 1 November 2033, the first Tuesday of the month, is All Saints' Day
        assertThat(DEADLINES.calendar().isBusinessDay(LocalDate.of(2033, 11, 1))).isFalse();
        assertThat(DEADLINES.endOfNextMinorWindow(at("2033-10-20T10:00:00+02:00"))).isEqualTo(at("2033-11-02T18:00:00+01:00"));
    }

    @Test
    void yearEnd() {
        assertThat(DEADLINES.due(at("2026-12-15T10:00:00+01:00"), new SlaTarget.NextMinorRelease()))
                .isEqualTo(at("2027-01-05T18:00:00+01:00"));
    }
}
