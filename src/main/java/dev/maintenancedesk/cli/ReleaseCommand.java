package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.ConventionalCommit;
import dev.maintenancedesk.releases.GitCommit;
import dev.maintenancedesk.releases.GitHistory;
import dev.maintenancedesk.releases.NextRelease;
import dev.maintenancedesk.releases.ReleaseInputException;
import dev.maintenancedesk.releases.ReleasePlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "release", description = "Versions, release windows, release notes and the API-impact rule, from git.",
        subcommands = {ReleaseCommand.Next.class, ReleaseNotesCommand.class, ReleaseCheckCommand.class,
                ReleasePublishCommand.class})
final class ReleaseCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (next, notes, check or publish)");
    }

    static LocalDate date(String text, Plan plan) {
        if (text == null) {
            return LocalDate.now(plan.calendar().zone());
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Desk.UsageException("\"" + text + "\" is not a date YYYY-MM-DD");
        }
    }

    static GitHistory open(Path repo) {
        try {
            return GitHistory.open(repo);
        } catch (ReleaseInputException e) {
            throw new Desk.UsageException(e.getMessage());
        }
    }

    @Command(name = "next", description = "The next version, its bump, release window and date, and the breaking "
            + "changes held back for the next MAJOR window.")
    static final class Next implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--repo", paramLabel = "DIR", required = true, description = "The git repository.")
        Path repo;

        @Option(names = "--to", paramLabel = "REV", defaultValue = "HEAD", description = "What would ship (default: HEAD).")
        String to;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Plan from this day (default: today in the plan's zone).")
        String date;

        @Option(names = "--json", description = "One JSON object instead of text.")
        boolean json;

        @Mixin
        PlanOption plan;

        @Override
        public Integer call() {
            Plan p = plan.load();
            LocalDate day = date(date, p);
            NextRelease next;
            try (GitHistory git = open(repo)) {
                next = new ReleasePlanner(p).next(git, to, day);
            } catch (ReleaseInputException e) {
                throw new Desk.UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? json(next) : text(next));
            out.flush();
            return Desk.OK;
        }

        static String text(NextRelease n) {
            StringBuilder sb = new StringBuilder();
            sb.append("current: ").append(n.current() == null ? "none (no version tag)" : n.current() + " (" + n.currentTag() + ")").append('\n');
            if (!n.releasable()) {
                sb.append("next: none (no releasable commit since ")
                        .append(n.currentTag() == null ? "the start" : n.currentTag()).append(')');
                return sb.toString();
            }
            sb.append("next: ").append(n.next()).append(" (").append(n.nextTag()).append(")\n");
            sb.append("bump: ").append(n.bump()).append('\n');
            sb.append("window: ").append(n.window().kind()).append('\n');
            sb.append("window date: ").append(n.window().date());
            if (!n.heldBack().isEmpty()) {
                sb.append("\nheld back for the MAJOR window of ").append(n.heldBackUntil().date()).append(':');
                for (GitCommit c : n.heldBack()) {
                    sb.append("\n  ").append(c.shortId()).append(' ').append(c.subject());
                }
            }
            return sb.toString();
        }

        static String json(NextRelease n) {
            StringBuilder sb = new StringBuilder("{");
            sb.append("\"current\":").append(JsonText.string(n.current() == null ? null : n.current().toString()))
                    .append(",\"currentTag\":").append(JsonText.string(n.currentTag()))
                    .append(",\"next\":").append(JsonText.string(n.next() == null ? null : n.next().toString()))
                    .append(",\"nextTag\":").append(JsonText.string(n.nextTag()))
                    .append(",\"bump\":").append(JsonText.string(n.bump().name()))
                    .append(",\"window\":").append(JsonText.string(n.window() == null ? null : n.window().kind().name()))
                    .append(",\"windowDate\":").append(JsonText.string(n.window() == null ? null : n.window().date().toString()))
                    .append(",\"commits\":").append(n.commits().size())
                    .append(",\"heldBack\":[");
            List<GitCommit> held = n.heldBack();
            for (int i = 0; i < held.size(); i++) {
                GitCommit c = held.get(i);
                sb.append(i == 0 ? "" : ",").append("{\"commit\":").append(JsonText.string(c.shortId()))
                        .append(",\"subject\":").append(JsonText.string(c.subject())).append(",\"breakingChanges\":[");
                List<String> notes = c.message() instanceof ConventionalCommit cc ? cc.breakingChanges() : List.of();
                for (int j = 0; j < notes.size(); j++) {
                    sb.append(j == 0 ? "" : ",").append(JsonText.string(notes.get(j)));
                }
                sb.append("]}");
            }
            sb.append("],\"heldBackUntil\":").append(JsonText.string(n.heldBackUntil() == null ? null : n.heldBackUntil().date().toString()));
            return sb.append('}').toString();
        }
    }
}
