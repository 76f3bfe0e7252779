package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clocks of a page of tickets computed at once are those computed one by one. */
@DeskTest
class SlaBulkTest {

    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock bulkTestClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sla sla;

    @Test
    void bulkEqualsOneByOne() {
        DeskClient admin = DeskClient.admin(port);
        long a = admin.post("/api/v1/tickets", "{\"title\":\"a\",\"priority\":\"P1\"}").json().get("number").asLong();
        CLOCK.advance(Duration.ofMinutes(20));
        long b = admin.post("/api/v1/tickets", "{\"title\":\"b\",\"priority\":\"P3\",\"team\":\"core\"}").json().get("number").asLong();
        admin.post("/api/v1/tickets/" + b + "/transitions", "{\"to\":\"WAITING\",\"reason\":\"client\"}");
        long c = admin.post("/api/v1/tickets", "{\"title\":\"c\"}").json().get("number").asLong();
        CLOCK.advance(Duration.ofMinutes(50));

        Map<Long, TicketSla> bulk = sla.of(List.of(a, b, c, 987654L));
        assertThat(bulk).containsOnlyKeys(a, b, c);
        assertThat(bulk.get(a)).isEqualTo(sla.of(a));
        assertThat(bulk.get(b)).isEqualTo(sla.of(b));
        assertThat(bulk.get(c)).isEqualTo(sla.of(c));
        assertThat(bulk.get(a).takeCharge().state()).isEqualTo(ClockState.BREACHED);
        assertThat(bulk.get(b).resolution().state()).isEqualTo(ClockState.PAUSED);
    }
}
