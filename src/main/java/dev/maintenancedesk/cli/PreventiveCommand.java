package dev.maintenancedesk.cli;

import dev.maintenancedesk.preventive.PreventiveCalendar;
import dev.maintenancedesk.preventive.PreventiveCalendar.RunLine;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "preventive", description = "The plan's preventive calendar (section 11).",
        subcommands = PreventiveCommand.Run.class)
final class PreventiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (run)");
    }

    @Command(name = "run", description = "Opens the preventive tickets due on or before the date, each period once; "
            + "prints one line per period opened, and the latest period of each action already opened (skipped).")
    static final class Run implements Callable<Integer> {

        private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

        @Spec
        CommandSpec spec;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Generate as on this day (default: today in the plan's zone).")
        String asOf;

        @Override
        public Integer call() {
            LocalDate day = null;
            if (asOf != null) {
                try {
                    day = LocalDate.parse(asOf.strip());
                } catch (DateTimeParseException e) {
                    throw new Desk.UsageException("--as-of: \"" + asOf + "\" is not a date YYYY-MM-DD");
                }
            }
            LocalDate date = day;
            PrintWriter out = spec.commandLine().getOut();
            List<String> lines = DeskDatabase.with(PreventiveCalendar.class, calendar -> {
                List<RunLine> run = date == null ? calendar.run() : calendar.run(date);
                return run.stream().map(l -> (l.outcome() == RunLine.Outcome.OPENED ? "opened " : "skipped ")
                        + l.actionKey() + " " + l.period() + " #" + l.ticketNumber() + " due "
                        + INSTANT.format(l.dueAt().atZone(calendar.zone()))
                        + (l.outcome() == RunLine.Outcome.SKIPPED ? " (already opened)" : "")).toList();
            });
            lines.forEach(out::println);
            if (lines.isEmpty()) {
                out.println("nothing due");
            }
            return Desk.OK;
        }
    }
}
