package dev.maintenancedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code desk sla deadline|add|between}: answers, exit codes and one-line errors of DESIGN §7, without Spring. */
class SlaCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String line() {
            assertThat(out.lines()).hasSize(1);
            return out.strip();
        }

        /** A usage error: exit 2, nothing on stdout, exactly one line on stderr. */
        Result isUsageError() {
            assertThat(code).as("exit code (stderr: %s)", err).isEqualTo(2);
            assertThat(out).isEmpty();
            assertThat(err.lines()).hasSize(1);
            assertThat(err).startsWith("desk: ");
            return this;
        }
    }

    static Result desk(String... args) {
        return deskWithInput("", args);
    }

    static Result deskWithInput(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Desk.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Nested
    class Deadline {

        @ParameterizedTest(name = "{1} {2} from {0} = {3}")
        @CsvSource({
                "2026-03-10T16:30:00+01:00, P1, take-charge, 2026-03-10T17:30:00+01:00",
                "2026-03-10T16:30:00+01:00, P1, resolution, 2026-03-11T10:30:00+01:00",
                "2026-03-10T15:30:00Z, P1, resolution, 2026-03-11T10:30:00+01:00",
                "2026-05-13T15:00:00+02:00, P2, resolution, 2026-05-15T12:00:00+02:00",
                "2026-03-27T15:00:00+01:00, P2, resolution, 2026-03-30T12:00:00+02:00",
                "2026-03-27T15:00+01:00, p2, take-charge, 2026-03-27T17:00:00+01:00",
                "2026-03-09T09:00:00+01:00, P3, take-charge, 2026-03-09T18:00:00+01:00",
                "2026-03-11T14:00:00+01:00, P3, resolution, 2026-03-18T14:00:00+01:00",
                "2026-03-10T16:30:00+01:00, P4, take-charge, 2026-03-12T16:30:00+01:00",
                "2026-03-10T16:30:00+01:00, P4, resolution, 2026-04-07T18:00:00+02:00",
                "2026-03-10T18:00:00+01:00, P1, take-charge, 2026-03-11T10:00:00+01:00",
        })
        void printsTheDeadlineInTheCalendarZone(String start, String priority, String clock, String expected) {
            Result r = desk("sla", "deadline", "--start", start, "--priority", priority, "--clock", clock);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.line()).isEqualTo(expected);
            assertThat(r.err()).isEmpty();
        }

        @Test
        void unknownPriority() {
            assertThat(desk("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P5", "--clock",
                    "resolution").isUsageError().err().strip())
                    .isEqualTo("desk: unknown priority \"P5\" for --priority (expected: P1, P2, P3, P4)");
        }

        @Test
        void unknownClock() {
            assertThat(desk("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P1", "--clock",
                    "response").isUsageError().err()).contains("unknown clock \"response\"");
        }

        @Test
        void missingOption() {
            assertThat(desk("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P1")
                    .isUsageError().err()).contains("--clock");
        }

        @Test
        void anotherPlanWithItsOwnCalendar() throws IOException {
            String yaml;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("plans/cesizen.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Files.writeString(dir.resolve("ny.yaml"), yaml.replace("zone: Europe/Paris", "zone: America/New_York")
                    .replace("country: FR", "country: US"));
            Result r = desk("sla", "deadline", "--start", "2026-03-10T16:30:00-04:00", "--priority", "P1", "--clock",
                    "resolution", "--plan", file.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.line()).isEqualTo("2026-03-11T10:30:00-04:00");
        }

        @Test
        void anUnknownHolidayRegionIsAnInvalidPlan() throws IOException {
            String yaml;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("plans/cesizen.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Files.writeString(dir.resolve("region.yaml"),
                    yaml.replaceFirst("# region: \"57\"", "region: \"alsace\""));
            Result r = desk("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P1", "--clock",
                    "resolution", "--plan", file.toString());
            // an invalid plan is bad input in every command but plan validate (DESIGN §7)
            assertThat(r.isUsageError().err()).startsWith("desk: invalid plan " + file
                    + ": calendar: unknown holiday region \"alsace\"");
        }

        @Test
        void anInvalidPlanIsAUsageError() throws IOException {
            String yaml;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("plans/cesizen.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("zone: Europe/Paris", "zone: Nowhere/City"));
            for (String[] command : new String[][] {
                    {"sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P1", "--clock", "resolution"},
                    {"sla", "add", "--start", "2026-03-10T16:30:00+01:00", "--business-minutes", "60"},
                    {"sla", "between", "--start", "2026-03-10T16:30:00+01:00", "--end", "2026-03-11T16:30:00+01:00"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.stream.Stream.of("--plan", file.toString())).toArray(String[]::new);
                assertThat(desk(args).isUsageError().err().strip()).isEqualTo("desk: invalid plan " + file
                        + ": calendar.zone: \"Nowhere/City\" is not a known time zone (example: Europe/Paris)");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1969-12-31T23:59:59Z",
                "2201-01-01T00:00:00Z"})
        void instantsOutsideTheSupportedYears(String start) {
            assertThat(desk("sla", "deadline", "--start", start, "--priority", "P4", "--clock", "resolution")
                    .isUsageError().err().strip())
                    .isEqualTo("desk: --start: " + java.time.Instant.parse(start) + " is outside the years 1970–2200");
        }

        @Test
        void anUnreadablePlan() {
            assertThat(desk("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P1", "--clock",
                    "resolution", "--plan", dir.resolve("missing.yaml").toString()).isUsageError().err())
                    .contains("no such file");
        }
    }

    @Nested
    class Add {

        @Test
        void addsBusinessMinutes() {
            Result r = desk("sla", "add", "--start", "2026-03-27T15:00:00+01:00", "--business-minutes", "360");
            assertThat(r.code()).isZero();
            assertThat(r.line()).isEqualTo("2026-03-30T12:00:00+02:00");
        }

        @Test
        void zeroMinutesFromAClosedInstantGiveTheNextOpening() {
            // Friday 19:37 in Paris: a deadline never falls inside closed hours (DESIGN §5)
            assertThat(desk("sla", "add", "--start", "2027-10-22T17:37:00Z", "--business-minutes", "0").line())
                    .isEqualTo("2027-10-25T09:00:00+02:00");
            assertThat(desk("sla", "add", "--start", "2026-03-14T12:00:00Z", "--business-minutes", "0").line())
                    .isEqualTo("2026-03-16T09:00:00+01:00");
        }

        @Test
        void zeroMinutesFromAnOpenInstantGiveThatInstant() {
            assertThat(desk("sla", "add", "--start", "2027-10-22T10:15:00+02:00", "--business-minutes", "0").line())
                    .isEqualTo("2027-10-22T10:15:00+02:00");
        }

        @Test
        void aStartOutsideTheSupportedYears() {
            assertThat(desk("sla", "add", "--start", "+999999999-12-31T23:59:59Z", "--business-minutes", "1")
                    .isUsageError().err()).contains("--start: +999999999-12-31T23:59:59Z is outside the years 1970–2200");
        }

        @Test
        void negativeMinutes() {
            assertThat(desk("sla", "add", "--start", "2026-03-27T15:00:00+01:00", "--business-minutes", "-1")
                    .isUsageError().err().strip()).isEqualTo("desk: --business-minutes: -1 is negative");
        }

        @ParameterizedTest
        @ValueSource(strings = {"19764001", "9223372036854775807"})
        void absurdMinutes(String minutes) {
            assertThat(desk("sla", "add", "--start", "2026-03-27T15:00:00+01:00", "--business-minutes", minutes)
                    .isUsageError().err()).contains("is absurd (more than 100 years of business days, 19764000 minutes)");
        }

        @Test
        void theLargestAcceptedDurationIsAnswered() {
            assertThat(desk("sla", "add", "--start", "2026-03-27T15:00:00+01:00", "--business-minutes", "19764000").code())
                    .isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"x", "1.5", "99999999999999999999"})
        void minutesThatAreNotANumber(String minutes) {
            desk("sla", "add", "--start", "2026-03-27T15:00:00+01:00", "--business-minutes", minutes).isUsageError();
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2026-02-30T10:00:00+01:00", "2026-03-27 15:00:00+01:00", "2026-03-27T25:00:00Z",
                "2026-03-27T15:00:00+25:00", "", "1774620000"})
        void invalidInstants(String start) {
            assertThat(desk("sla", "add", "--start", start, "--business-minutes", "60").isUsageError().err())
                    .contains("is not an ISO-8601 instant with an offset");
        }

        @Test
        void aLocalTimeWithoutOffsetIsRefusedNotGuessed() {
            assertThat(desk("sla", "add", "--start", "2026-03-27T15:00:00", "--business-minutes", "60")
                    .isUsageError().err()).contains("\"2026-03-27T15:00:00\" has no offset");
        }

        @Test
        void missingMinutes() {
            assertThat(desk("sla", "add", "--start", "2026-03-27T15:00:00Z").isUsageError().err())
                    .contains("missing --business-minutes");
        }
    }

    @Nested
    class Batch {

        @Test
        void oneAnswerPerLine() {
            Result r = deskWithInput("""
                    2026-03-10T16:30:00+01:00 60
                    2026-03-10T16:30:00+01:00 180
                      2026-05-13T15:00:00+02:00\t360
                    2026-03-27T14:00:00Z 360
                    2026-03-14T12:00:00Z 0
                    """, "sla", "add", "--batch");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().lines()).containsExactly("2026-03-10T17:30:00+01:00", "2026-03-11T10:30:00+01:00",
                    "2026-05-15T12:00:00+02:00", "2026-03-30T12:00:00+02:00", "2026-03-16T09:00:00+01:00");
            assertThat(r.err()).isEmpty();
        }

        @Test
        void emptyInputGivesEmptyOutput() {
            Result r = deskWithInput("", "sla", "add", "--batch");
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "2026-03-10T16:30:00+01:00 x | line 2: minutes: \"x\" is not a whole number",
                "2026-03-10T16:30:00+01:00 -3 | line 2: minutes: -3 is negative",
                "2026-03-10T16:30:00+01:00 99999999 | line 2: minutes: 99999999 is absurd",
                "2026-03-10T16:30:00 60 | line 2: instant: \"2026-03-10T16:30:00\" has no offset",
                "tomorrow 60 | line 2: instant: \"tomorrow\" is not an ISO-8601 instant",
                "+10000-01-01T00:00:00Z 60 | line 2: instant: +10000-01-01T00:00:00Z is outside the years 1970–2200",
                "2026-03-10T16:30:00+01:00 | line 2: expected \"INSTANT MINUTES\"",
                "2026-03-10T16:30:00+01:00 60 7 | line 2: expected \"INSTANT MINUTES\"",
        })
        void aBadLineStopsWithItsNumber(String bad, String message) {
            Result r = deskWithInput("2026-03-10T16:30:00+01:00 60\n" + bad + "\n2026-03-10T16:30:00+01:00 60\n",
                    "sla", "add", "--batch");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines()).singleElement().asString().startsWith("desk: " + message);
            // answers stream: the good line before the bad one was answered, nothing after it
            assertThat(r.out().lines()).containsExactly("2026-03-10T17:30:00+01:00");
        }

        @Test
        void anEmptyLineIsABadLine() {
            Result r = deskWithInput("\n", "sla", "add", "--batch");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("desk: line 1: expected");
        }

        @Test
        void batchTakesNoStartOrMinutes() {
            deskWithInput("", "sla", "add", "--batch", "--start", "2026-03-10T16:30:00+01:00").isUsageError();
        }
    }

    @Nested
    class Between {

        @ParameterizedTest(name = "{0} .. {1} = {2}")
        @CsvSource({
                "2026-03-13T17:00:00+01:00, 2026-03-16T10:30:00+01:00, 150",
                "2026-03-16T10:30:00+01:00, 2026-03-13T17:00:00+01:00, -150",
                "2026-03-27T15:00:00+01:00, 2026-03-30T12:00:00+02:00, 360",
                "2026-05-13T15:00:00+02:00, 2026-05-15T12:00:00+02:00, 360",
                "2026-03-14T00:00:00Z, 2026-03-15T23:00:00Z, 0",
                "2026-03-10T09:00:00+01:00, 2026-03-10T09:00:59+01:00, 0",
        })
        void printsBusinessMinutes(String start, String end, long minutes) {
            Result r = desk("sla", "between", "--start", start, "--end", end);
            assertThat(r.code()).isZero();
            assertThat(r.line()).isEqualTo(Long.toString(minutes));
        }

        @Test
        void spansBeyondTheSupportedYearsAreRefusedNotComputed() {
            // 3000 → 5000 used to overflow into a negative number; +10000 → +20000 to fill the memory
            assertThat(desk("sla", "between", "--start", "3000-01-01T00:00:00Z", "--end", "5000-01-01T00:00:00Z")
                    .isUsageError().err()).contains("--start: 3000-01-01T00:00:00Z is outside the years 1970–2200");
            assertThat(desk("sla", "between", "--start", "2026-01-01T00:00:00Z", "--end", "+20000-01-01T00:00:00Z")
                    .isUsageError().err()).contains("--end: +20000-01-01T00:00:00Z is outside the years 1970–2200");
            assertThat(desk("sla", "between", "--start", "1970-01-01T00:00:00Z", "--end", "2200-12-31T23:59:59Z").line())
                    .matches("[1-9][0-9]+");
        }

        @Test
        void invalidEnd() {
            assertThat(desk("sla", "between", "--start", "2026-03-13T17:00:00+01:00", "--end", "2026-13-01T00:00:00Z")
                    .isUsageError().err()).startsWith("desk: --end: ");
        }
    }

    @Test
    void noSubcommand() {
        desk("sla").isUsageError();
    }
}
