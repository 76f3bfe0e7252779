package dev.maintenancedesk.cli;

import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.calendar.BusinessTimeInput;
import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.SlaPolicy.SlaTargets;
import dev.maintenancedesk.plan.SlaTarget;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.sla.SlaRebuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code desk sla deadline|add|between}: the business-time arithmetic of the plan's calendar, for
 * scripts. Input instants must carry an offset (or Z): a bare local time is refused (exit 2) rather
 * than guessed, because a one-hour error at a DST change is exactly what an SLA must not have. Inputs
 * are bounded as the API's are ({@link BusinessTimeInput}).
 */
@Command(name = "sla", description = "Business-time arithmetic on the plan's calendar: SLA deadlines; the stored "
        + "clocks rebuilt from history.",
        subcommands = {SlaCommand.Deadline.class, SlaCommand.Add.class, SlaCommand.Between.class,
                SlaCommand.Rebuild.class})
final class SlaCommand implements Runnable {

    /** How instants print (DESIGN §7), in the calendar's zone. */
    static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (deadline, add, between or rebuild)");
    }

    /** The deadlines of the plan's calendar; a calendar that cannot be used makes the plan invalid (exit 2). */
    static Deadlines deadlines(PlanOption planOption, Plan plan) {
        try {
            return Deadlines.of(plan);
        } catch (IllegalArgumentException e) {
            throw planOption.invalid("calendar: " + e.getMessage());
        }
    }

    static Instant instant(String option, String text) {
        if (text == null) {
            throw new Desk.UsageException("missing " + option + " INSTANT");
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text.strip());
                throw new Desk.UsageException(option + ": \"" + text + "\" has no offset; give one, e.g. "
                        + "2026-03-10T16:30:00+01:00 or 2026-03-10T15:30:00Z");
            } catch (DateTimeParseException notLocalEither) {
                throw new Desk.UsageException(option + ": \"" + text
                        + "\" is not an ISO-8601 instant with an offset (example: 2026-03-10T16:30:00+01:00)");
            }
        }
        return BusinessTimeInput.instant(option, parsed.toInstant());
    }

    static String format(Instant instant, BusinessCalendar calendar) {
        return OUTPUT.format(instant.atZone(calendar.zone()));
    }

    @Command(name = "deadline", description = "Print the deadline of a priority's take-charge or resolution clock "
            + "started at INSTANT.")
    static final class Deadline implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--start", required = true, paramLabel = "INSTANT", description = "Start, ISO-8601 with an offset.")
        String start;

        @Option(names = "--priority", required = true, paramLabel = "P1|P2|P3|P4")
        String priority;

        @Option(names = "--clock", required = true, paramLabel = "take-charge|resolution")
        String clock;

        @Mixin
        PlanOption plan;

        @Override
        public Integer call() {
            Instant from = instant("--start", start);
            Priority p = priority(priority);
            boolean takeCharge = switch (clock.strip().toLowerCase(Locale.ROOT)) {
                case "take-charge" -> true;
                case "resolution" -> false;
                default -> throw new Desk.UsageException("unknown clock \"" + clock
                        + "\" for --clock (expected: take-charge, resolution)");
            };
            Plan loaded = plan.load();
            Deadlines deadlines = deadlines(plan, loaded);
            SlaTargets targets = loaded.sla().targets(p);
            SlaTarget target = takeCharge ? targets.takeCharge() : targets.resolution();
            spec.commandLine().getOut().println(format(deadlines.due(from, target), deadlines.calendar()));
            return Desk.OK;
        }

        private static Priority priority(String text) {
            try {
                return Priority.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Desk.UsageException("unknown priority \"" + text + "\" for --priority (expected: P1, P2, P3, P4)");
            }
        }
    }

    @Command(name = "add", description = "Print INSTANT plus N business minutes (the end of the last slot used; "
            + "0 from a closed instant: the next opening). "
            + "With --batch, read \"INSTANT N\" lines on stdin and print one deadline per line.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--start", paramLabel = "INSTANT", description = "Start, ISO-8601 with an offset.")
        String start;

        @Option(names = "--business-minutes", paramLabel = "N", description = "Business minutes to add (0 or more).")
        Long minutes;

        @Option(names = "--batch", description = "Read \"INSTANT N\" lines on stdin; a bad line stops with exit 2.")
        boolean batch;

        @Mixin
        PlanOption plan;

        @Override
        public Integer call() {
            if (batch && (start != null || minutes != null)) {
                throw new Desk.UsageException("--batch reads its instants and minutes on stdin: "
                        + "do not give --start or --business-minutes");
            }
            if (!batch && minutes == null) {
                throw new Desk.UsageException("missing --business-minutes N (or --batch)");
            }
            Instant from = batch ? null : instant("--start", start);
            PrintWriter out = spec.commandLine().getOut();
            BusinessCalendar calendar = deadlines(plan, plan.load()).calendar();
            if (!batch) {
                Duration businessTime = BusinessTimeInput.businessMinutes("--business-minutes", minutes, calendar);
                out.println(format(calendar.add(from, businessTime), calendar));
                return Desk.OK;
            }
            batch(calendar, out);
            return Desk.OK;
        }

        /** Streams: answers are printed as lines come, so a million lines need no memory. */
        private static void batch(BusinessCalendar calendar, PrintWriter out) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            String eol = System.lineSeparator();
            StringBuilder line = new StringBuilder(32);
            try {
                long number = 0;
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    number++;
                    line.setLength(0);
                    line.append(format(calendar.add(batchInstant(text, number), batchMinutes(text, number, calendar)), calendar))
                            .append(eol);
                    out.write(line.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out.flush();
            }
        }

        private static String[] fields(String text, long number) {
            String[] fields = text.strip().split("\\s+");
            if (fields.length != 2 || fields[0].isEmpty()) {
                throw new Desk.UsageException("line " + number + ": expected \"INSTANT MINUTES\", got \"" + text + "\"");
            }
            return fields;
        }

        private static Instant batchInstant(String text, long number) {
            try {
                return instant("instant", fields(text, number)[0]);
            } catch (Desk.UsageException e) {
                throw e.getMessage().startsWith("line ") ? e : new Desk.UsageException("line " + number + ": " + e.getMessage());
            } catch (InvalidInput e) {
                throw new Desk.UsageException("line " + number + ": " + e.getMessage());
            }
        }

        private static Duration batchMinutes(String text, long number, BusinessCalendar calendar) {
            String n = fields(text, number)[1];
            try {
                return BusinessTimeInput.businessMinutes("minutes", Long.parseLong(n), calendar);
            } catch (NumberFormatException e) {
                throw new Desk.UsageException("line " + number + ": minutes: \"" + n + "\" is not a whole number");
            } catch (InvalidInput e) {
                throw new Desk.UsageException("line " + number + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "between", description = "Print the business minutes between two instants (negative when --end "
            + "is before --start; whole minutes, rounded toward zero).")
    static final class Between implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--start", required = true, paramLabel = "INSTANT")
        String start;

        @Option(names = "--end", required = true, paramLabel = "INSTANT")
        String end;

        @Mixin
        PlanOption plan;

        @Override
        public Integer call() {
            Instant from = instant("--start", start);
            Instant to = instant("--end", end);
            BusinessCalendar calendar = deadlines(plan, plan.load()).calendar();
            spec.commandLine().getOut().println(calendar.between(from, to).toMinutes());
            return Desk.OK;
        }
    }

    @Command(name = "rebuild", description = "Recompute every ticket's SLA clocks from its history (on DESK_DATABASE_URL, "
            + "also while the server runs), print each stored value that differs (ticket, clock, stored, recomputed) "
            + "and fix it. Exit 0: no difference; 1: differences found (fixed unless --check).")
    static final class Rebuild implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--check", description = "Report the differences without fixing them.")
        boolean check;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            // its own rebuild reports what differs: the start-up one would fix it silently first
            SlaRebuild.Result result = DeskDatabase.with(SlaRebuild.class, rebuild -> rebuild.rebuild(!check, d -> {
                out.println(d);
            }), "--desk.sla.rebuild-on-plan-change=false");
            out.printf(Locale.ROOT, "%d tickets checked in %.1f s: %d difference(s)%s%n", result.tickets(),
                    result.took().toMillis() / 1000.0, result.differences(), result.differences() == 0 ? ""
                            : check ? " (not fixed: --check)" : ", " + result.ticketsFixed() + " ticket(s) fixed");
            out.flush();
            return result.differences() == 0 ? Desk.OK : Desk.CHECK_FAILED;
        }
    }
}
