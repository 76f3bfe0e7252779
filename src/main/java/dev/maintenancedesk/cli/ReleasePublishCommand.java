package dev.maintenancedesk.cli;

import dev.maintenancedesk.github.GitHubReleases;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.GitHistory;
import dev.maintenancedesk.releases.Release;
import dev.maintenancedesk.releases.ReleaseHistory;
import dev.maintenancedesk.releases.ReleaseInputException;
import dev.maintenancedesk.releases.ReleaseNotes;
import dev.maintenancedesk.releases.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", description = {"Creates or updates the GitHub Release of a version tag with the desk's "
        + "release notes, in the plan's language (DESK_GITHUB_REPOSITORY, DESK_GITHUB_TOKEN).",
        "The call goes through the desk's outbox: if GitHub is busy, the server sends it later, once."})
final class ReleasePublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", required = true, description = "The git repository.")
    Path repo;

    @Option(names = "--tag", paramLabel = "vX.Y.Z", required = true, description = "The version tag to publish.")
    String tag;

    @Mixin
    PlanOption plan;

    @Override
    public Integer call() {
        if (Version.fromTag(tag).isEmpty()) {
            throw new Desk.UsageException("--tag: \"" + tag + "\" is not a version tag like v1.4.0");
        }
        Plan p = plan.load();
        String notes;
        try (GitHistory git = ReleaseCommand.open(repo)) {
            Release release = new ReleaseHistory(git, p.calendar().zone()).range(null, tag, null,
                    LocalDate.now(p.calendar().zone()));
            notes = new ReleaseNotes(p, p.language(), git.webUrl()).notes(release);
        } catch (ReleaseInputException e) {
            throw new Desk.UsageException(e.getMessage());
        }
        GitHubReleases.Publication done = DeskDatabase.with(GitHubReleases.class, r -> r.publish(tag, notes));
        PrintWriter out = spec.commandLine().getOut();
        switch (done.status()) {
            case "SENT" -> out.println("Release " + tag + " published on GitHub.");
            case "PENDING" -> out.println("Release " + tag + " queued: GitHub is busy (" + done.error()
                    + "); the server sends it later, once.");
            default -> {
                spec.commandLine().getErr().println("Release " + tag + " refused by GitHub: " + done.error());
                return Desk.CHECK_FAILED;
            }
        }
        out.flush();
        return Desk.OK;
    }
}
