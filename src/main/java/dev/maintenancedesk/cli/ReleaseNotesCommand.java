package dev.maintenancedesk.cli;

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

@Command(name = "notes", description = {"Release notes (Markdown) of a range: breaking changes first, then sections "
        + "by type, then Deprecated and Removed.",
        "Without --from: the release tagged at --to, or the commits since the latest version tag."})
final class ReleaseNotesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", required = true, description = "The git repository.")
    Path repo;

    @Option(names = "--from", paramLabel = "REV", description = "Start of the range, excluded.")
    String from;

    @Option(names = "--to", paramLabel = "REV", defaultValue = "HEAD", description = "End of the range (default: HEAD).")
    String to;

    @Option(names = "--version", paramLabel = "X.Y.Z", description = "Version to print (default: the tag at --to, else the next version).")
    String version;

    @Mixin
    LanguageOption language;

    @Mixin
    PlanOption plan;

    @Override
    public Integer call() {
        String lang = language.get();
        Plan p = plan.load();
        try (GitHistory git = ReleaseCommand.open(repo)) {
            Version v = version == null ? null : Version.parse(version);
            Release release = new ReleaseHistory(git, p.calendar().zone()).range(from, to, v, LocalDate.now(p.calendar().zone()));
            PrintWriter out = spec.commandLine().getOut();
            out.print(new ReleaseNotes(p, lang, git.webUrl()).notes(release));
            out.flush();
            return Desk.OK;
        } catch (ReleaseInputException e) {
            throw new Desk.UsageException(e.getMessage());
        }
    }
}
