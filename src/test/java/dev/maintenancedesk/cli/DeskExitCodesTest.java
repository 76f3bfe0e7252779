package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit codes of DESIGN §7 for every command: 2 bad usage or input, 3 a bug of the desk, one line each. */
class DeskExitCodesTest {

    @TempDir
    static Path dir;

    /** A command with a bug, as desk runs it. */
    @Command(name = "broken")
    static final class Broken implements Runnable {
        @Override
        public void run() {
            Object missing = null;
            missing.hashCode();
        }
    }

    @Command(name = "overflowing")
    static final class Overflowing implements Runnable {
        @Override
        public void run() {
            throw new StackOverflowError("deep");
        }
    }

    static Result withBrokenCommands(String... args) {
        CommandLine cli = new CommandLine(new Desk()).addSubcommand(new Broken()).addSubcommand(new Overflowing());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Desk.execute(cli, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorInOneLine() {
        Result r = withBrokenCommands("broken");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("desk: internal error: Cannot invoke \"Object.hashCode()\"")
                .endsWith(" (run with --debug for the stack trace)");
    }

    @Test
    void anErrorIsAnInternalErrorToo() {
        Result r = withBrokenCommands("overflowing");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().lines()).containsExactly("desk: internal error: deep (run with --debug for the stack trace)");
    }

    @Test
    void theStackTraceOnlyWithDebug() {
        for (String[] args : new String[][] {{"broken", "--debug"}, {"--debug", "broken"}}) {
            Result r = withBrokenCommands(args);
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err().lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                    .startsWith("desk: internal error: Cannot invoke").doesNotContain("run with --debug"));
            assertThat(r.err()).contains("java.lang.NullPointerException", "at dev.maintenancedesk.cli.DeskExitCodesTest$Broken.run");
        }
        assertThat(withBrokenCommands("broken").err()).doesNotContain("\tat ");
    }

    @Test
    void everyCommandTakesDebug() {
        Result r = desk("plan", "validate", "--debug");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(desk("sla", "between", "--start", "2026-03-13T17:00:00+01:00", "--end", "2026-03-16T10:30:00+01:00",
                "--debug").out().strip()).isEqualTo("150");
    }

    @Test
    void anUnknownCommandIsOneLineExit2() {
        Result r = desk("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                "desk: unknown command 'frobnicate' (see ./desk help)");
        Result sub = desk("sla", "dedline");
        assertThat(sub.code()).isEqualTo(2);
        assertThat(sub.err().lines()).containsExactly(
                "desk: unknown command 'dedline' for desk sla (see ./desk help sla)");
        assertThat(desk("help", "frobnicate").code()).isEqualTo(2);
    }

    static Stream<Arguments> commandsReadingThePlan() throws IOException {
        Path message = Files.writeString(dir.resolve("message.txt"), "feat: a change\n");
        String repo = dir.resolve("no-repo").toString();
        return Stream.of(
                new String[] {"plan", "render"},
                new String[] {"sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P1", "--clock", "resolution"},
                new String[] {"sla", "add", "--start", "2026-03-10T16:30:00+01:00", "--business-minutes", "60"},
                new String[] {"sla", "between", "--start", "2026-03-10T16:30:00+01:00", "--end", "2026-03-11T16:30:00+01:00"},
                new String[] {"commits", "lint", "--message-file", message.toString()},
                new String[] {"release", "next", "--repo", repo},
                new String[] {"release", "notes", "--repo", repo},
                new String[] {"release", "check", "--repo", repo, "--from", "HEAD~1", "--to", "HEAD"},
                new String[] {"changelog", "--repo", repo}).map(a -> Arguments.of((Object) a));
    }

    @ParameterizedTest
    @MethodSource("commandsReadingThePlan")
    void anInvalidPlanIsBadInputEverywhereButInPlanValidate(String[] command) throws IOException {
        Path plan = invalidPlan();
        String[] args = Stream.concat(Stream.of(command), Stream.of("--plan", plan.toString())).toArray(String[]::new);
        Result r = desk(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly("desk: invalid plan " + plan
                + ": calendar.zone: \"Nowhere/City\" is not a known time zone (example: Europe/Paris)");
        assertThat(desk("plan", "validate", "--plan", plan.toString()).code()).isEqualTo(1);
    }

    private static Path invalidPlan() throws IOException {
        try (InputStream in = DeskExitCodesTest.class.getClassLoader().getResourceAsStream("plans/cesizen.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Files.writeString(dir.resolve("invalid.yaml"), yaml.replace("zone: Europe/Paris", "zone: Nowhere/City"));
        }
    }
}
