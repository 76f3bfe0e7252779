package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.plan.Plan;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A team with its own calendar (New York) gets clocks on that calendar, shown in its zone. Its plan is not
 * the other tests': on a database of its own, so that the start-up check of the SLA projection's plan
 * (rebuilt when the calendars change) does not rebuild the shared database's clocks for this plan.
 */
@DeskTest
@ContextConfiguration(initializers = FollowTheSunTest.OwnDatabase.class)
@DirtiesContext
class FollowTheSunTest {

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("_follow_the_sun");
        }
    }

    @DynamicPropertySource
    static void planWithATeamInNewYork(DynamicPropertyRegistry registry) throws IOException {
        NewYorkTeamPlan.use(registry, "plan-follow-the-sun");
    }

    @LocalServerPort
    int port;

    @Autowired
    Plan plan;

    @Test
    void clocksRunOnTheTeamsCalendarAndShowInItsZone() {
        DeskClient admin = DeskClient.admin(port);
        JsonNode ny = admin.post("/api/v1/tickets", "{\"title\":\"NY outage\",\"priority\":\"P1\",\"team\":\"support-ny\"}").json();
        JsonNode core = admin.post("/api/v1/tickets", "{\"title\":\"Paris outage\",\"priority\":\"P1\",\"team\":\"core\"}").json();

        BusinessCalendar newYork = BusinessCalendar.of(plan.calendarOf("support-ny"));
        assertThat(newYork.zone()).isEqualTo(ZoneId.of("America/New_York"));
        OffsetDateTime created = OffsetDateTime.parse(ny.get("createdAt").asString());
        OffsetDateTime deadline = OffsetDateTime.parse(ny.get("sla").get("takeCharge").get("deadline").asString());
        assertThat(deadline.toInstant()).isEqualTo(newYork.add(created.toInstant(), Duration.ofHours(1)));
        assertThat(deadline.getOffset()).isEqualTo(ZoneId.of("America/New_York").getRules().getOffset(deadline.toInstant()));

        OffsetDateTime paris = OffsetDateTime.parse(core.get("sla").get("takeCharge").get("deadline").asString());
        assertThat(paris.getOffset()).isEqualTo(ZoneId.of("Europe/Paris").getRules().getOffset(paris.toInstant()));
        assertThat(paris.toInstant()).isEqualTo(BusinessCalendar.of(plan.calendar())
                .add(OffsetDateTime.parse(core.get("createdAt").asString()).toInstant(), Duration.ofHours(1)));

        DeskClient.Response unknown = admin.post("/api/v1/tickets", "{\"title\":\"x\",\"team\":\"mars\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("team");
    }
}
