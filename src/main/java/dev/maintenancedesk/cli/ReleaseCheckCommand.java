package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.ApiImpactCheck;
import dev.maintenancedesk.releases.GitCommit;
import dev.maintenancedesk.releases.GitHistory;
import dev.maintenancedesk.releases.ReleaseInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", description = {"The plan's API-impact rule: commits touching the API paths need documentation "
        + "and changelog changes in the same range.", "Exit 1 naming the commits when the range breaks it."})
final class ReleaseCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", required = true, description = "The git repository.")
    Path repo;

    @Option(names = "--from", paramLabel = "REV", required = true, description = "Start of the range, excluded.")
    String from;

    @Option(names = "--to", paramLabel = "REV", required = true, description = "End of the range.")
    String to;

    @Mixin
    PlanOption plan;

    @Override
    public Integer call() {
        Plan p = plan.load();
        try (GitHistory git = ReleaseCommand.open(repo)) {
            ApiImpactCheck.Result r = new ApiImpactCheck(p.changeManagement()).check(git, from, to);
            PrintWriter out = spec.commandLine().getOut();
            if (r.passed()) {
                out.println(r.apiCommits().isEmpty() ? "API-impact rule OK: no commit touches "
                        + String.join(", ", p.changeManagement().apiPaths())
                        : "API-impact rule OK: " + r.apiCommits().size() + " API commits, documentation and changelog updated");
                out.flush();
                return Desk.OK;
            }
            List<String> missing = new ArrayList<>();
            if (!r.docsChanged()) {
                missing.add("documentation (" + String.join(", ", p.changeManagement().docPaths()) + ")");
            }
            if (!r.changelogChanged()) {
                missing.add("changelog (" + p.changeManagement().changelog() + ")");
            }
            for (GitCommit c : r.apiCommits()) {
                out.println(c.shortId() + " " + c.subject() + ": touches the API without " + String.join(" and ", missing)
                        + " in " + from + ".." + to);
            }
            out.flush();
            spec.commandLine().getErr().println("desk: API-impact rule broken by " + r.apiCommits().size() + " commit"
                    + (r.apiCommits().size() == 1 ? "" : "s"));
            return Desk.CHECK_FAILED;
        } catch (ReleaseInputException e) {
            throw new Desk.UsageException(e.getMessage());
        }
    }
}
