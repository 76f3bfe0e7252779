package dev.maintenancedesk.cli;

import dev.maintenancedesk.watch.SourceStatus;
import dev.maintenancedesk.watch.TechnologyWatch;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "watch", description = "The technology watch.", subcommands = WatchCommand.Fetch.class)
final class WatchCommand {

    @Command(name = "fetch", description = {"Fetches every watch source of the plan now, reads the product's dependency "
            + "files (DESK_PRODUCT_REPOSITORY) and opens the security tickets due, then prints each source's state.",
            "Exit code 1 when a source or a dependency file failed (the others are fetched all the same)."})
    static final class Fetch implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            record Outcome(TechnologyWatch.RunReport report, List<SourceStatus> sources) {}
            Outcome outcome = DeskDatabase.with(TechnologyWatch.class, w -> new Outcome(w.fetchAll(), w.sources()));
            PrintWriter out = spec.commandLine().getOut();
            for (SourceStatus s : outcome.sources()) {
                out.println(s.key() + "\t" + s.state() + "\t" + s.items() + (s.error() == null ? "" : "\t" + s.error()));
            }
            TechnologyWatch.RunReport r = outcome.report();
            out.println(r.newItems() + " new item(s), " + r.ticketsOpened() + " security ticket(s) opened, "
                    + r.failing() + " source(s) failing, " + r.skipped() + " waiting (Retry-After)");
            out.flush();
            return outcome.sources().stream().anyMatch(SourceStatus::failing) ? Desk.CHECK_FAILED : Desk.OK;
        }
    }
}
