package dev.maintenancedesk.calendar;

import static dev.maintenancedesk.calendar.Calendars.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.maintenancedesk.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounds of what the API and the CLI may ask of a calendar: years 1970–2200, sane durations. */
class BusinessTimeInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-10T16:30:00Z", "2200-12-31T23:59:59.999999999Z"})
    void instantsOfTheSupportedYearsPass(String text) {
        Instant instant = Instant.parse(text);
        assertThat(BusinessTimeInput.instant("start", instant)).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59.999999999Z", "2201-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"})
    void otherInstantsAreRefusedNamingTheParameter(String text) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> BusinessTimeInput.instant("end", Instant.parse(text)));
        assertThat(refused.field()).isEqualTo("end");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("end: " + Instant.parse(text) + " is outside the years 1970–2200");
    }

    @Test
    void businessMinutesFromZeroToAHundredYearsOfStandardDays() {
        assertThat(BusinessTimeInput.businessMinutes("n", 0, PARIS)).isZero();
        assertThat(BusinessTimeInput.businessMinutes("n", 19_764_000, PARIS)).isEqualTo(Duration.ofMinutes(19_764_000));
        assertThat(catchThrowableOfType(InvalidInput.class, () -> BusinessTimeInput.businessMinutes("n", -1, PARIS))
                .detail()).isEqualTo("n: -1 is negative");
        for (long absurd : new long[] {19_764_001, Long.MAX_VALUE}) {
            assertThat(catchThrowableOfType(InvalidInput.class, () -> BusinessTimeInput.businessMinutes("n", absurd, PARIS))
                    .detail()).isEqualTo("n: " + absurd + " is absurd (more than 100 years of business days, 19764000 minutes)");
        }
    }
}
