package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The business-time arithmetic of the CLI, over the API: the worked examples, and bad input as 400. */
@DeskTest
class SlaArithmeticApiTest {

    @LocalServerPort
    int port;

    @Test
    void workedExamples() {
        DeskClient api = DeskClient.admin(port);
        assertThat(api.get("/api/v1/sla/deadline?start=" + enc("2026-03-10T16:30:00+01:00")
                + "&priority=P1&clock=take-charge").json().get("deadline").asString()).isEqualTo("2026-03-10T17:30:00+01:00");
        assertThat(api.get("/api/v1/sla/deadline?start=" + enc("2026-03-10T16:30:00+01:00")
                + "&priority=P1&clock=resolution").json().get("deadline").asString()).isEqualTo("2026-03-11T10:30:00+01:00");
        assertThat(api.get("/api/v1/sla/deadline?start=" + enc("2026-03-27T15:00:00+01:00")
                + "&priority=P2&clock=resolution").json().get("deadline").asString()).isEqualTo("2026-03-30T12:00:00+02:00");
        assertThat(api.get("/api/v1/sla/add?start=" + enc("2026-05-13T15:00:00+02:00") + "&businessMinutes=360")
                .json().get("end").asString()).isEqualTo("2026-05-15T12:00:00+02:00");
        assertThat(api.get("/api/v1/sla/between?start=" + enc("2026-03-13T17:00:00+01:00") + "&end="
                + enc("2026-03-16T10:00:00+01:00")).json().get("businessMinutes").asLong()).isEqualTo(120);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "instant without offset   | /api/v1/sla/deadline?start=2026-03-10T16:30:00&priority=P1&clock=resolution | start",
            "not an instant           | /api/v1/sla/deadline?start=tomorrow&priority=P1&clock=resolution            | start",
            "unknown priority         | /api/v1/sla/deadline?start=2026-03-10T16:30:00Z&priority=P9&clock=resolution | priority",
            "unknown clock            | /api/v1/sla/deadline?start=2026-03-10T16:30:00Z&priority=P1&clock=lunch      | clock",
            "unknown team             | /api/v1/sla/deadline?start=2026-03-10T16:30:00Z&priority=P1&clock=resolution&team=mars | team",
            "negative duration        | /api/v1/sla/add?start=2026-03-10T16:30:00Z&businessMinutes=-5               | businessMinutes",
            "absurd duration          | /api/v1/sla/add?start=2026-03-10T16:30:00Z&businessMinutes=99999999999      | businessMinutes",
            "duration not a number    | /api/v1/sla/add?start=2026-03-10T16:30:00Z&businessMinutes=ten              | businessMinutes",
            "missing end              | /api/v1/sla/between?start=2026-03-10T16:30:00Z                              | end",
            "start after 2200         | /api/v1/sla/between?start=%2B10000-01-01T00:00:00Z&end=%2B20000-01-01T00:00:00Z | start",
            "end after 2200           | /api/v1/sla/between?start=2026-03-10T16:30:00Z&end=3000-01-01T00:00:00Z     | end",
            "start before 1970        | /api/v1/sla/between?start=1969-12-31T23:59:59Z&end=2026-03-10T16:30:00Z     | start",
            "largest instant          | /api/v1/sla/add?start=%2B999999999-12-31T23:59:59Z&businessMinutes=1        | start",
            "deadline after 2200      | /api/v1/sla/deadline?start=%2B999999999-12-31T23:59:59Z&priority=P4&clock=resolution | start",
            "smallest instant         | /api/v1/sla/deadline?start=-999999999-01-01T00:00:00Z&priority=P1&clock=take-charge | start",
            "absurd by one minute     | /api/v1/sla/add?start=2026-03-10T16:30:00Z&businessMinutes=19764001         | businessMinutes",
    })
    void badInputIsA400NamingTheParameter(String why, String path, String field) {
        DeskClient.Response r = DeskClient.admin(port).get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void zeroMinutesFromAClosedInstantGiveTheNextOpening() {
        DeskClient api = DeskClient.admin(port);
        // Friday 19:37 in Paris: a deadline never falls inside closed hours
        assertThat(api.get("/api/v1/sla/add?start=" + enc("2027-10-22T17:37:00Z") + "&businessMinutes=0")
                .json().get("end").asString()).isEqualTo("2027-10-25T09:00:00+02:00");
        assertThat(api.get("/api/v1/sla/add?start=" + enc("2027-10-22T10:15:00+02:00") + "&businessMinutes=0")
                .json().get("end").asString()).isEqualTo("2027-10-22T10:15:00+02:00");
    }

    @Test
    void theBoundsOfTheSupportedYearsAreAnswered() {
        DeskClient api = DeskClient.admin(port);
        assertThat(api.get("/api/v1/sla/between?start=" + enc("1970-01-01T00:00:00Z") + "&end="
                + enc("2200-12-31T23:59:59Z")).json().get("businessMinutes").asLong()).isPositive();
        assertThat(api.get("/api/v1/sla/add?start=" + enc("2026-03-10T16:30:00Z") + "&businessMinutes=19764000")
                .status()).isEqualTo(200);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
