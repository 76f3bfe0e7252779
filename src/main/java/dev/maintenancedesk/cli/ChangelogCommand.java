package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.GitHistory;
import dev.maintenancedesk.releases.ReleaseHistory;
import dev.maintenancedesk.releases.ReleaseInputException;
import dev.maintenancedesk.releases.ReleaseNotes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "changelog", description = {"The whole CHANGELOG (Markdown) from git: one section per version tag, "
        + "newest first, unreleased commits on top.", "This repository's CHANGELOG.md: ./desk changelog --repo . > CHANGELOG.md"})
final class ChangelogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", required = true, description = "The git repository.")
    Path repo;

    @Option(names = "--to", paramLabel = "REV", defaultValue = "HEAD", description = "Last commit (default: HEAD).")
    String to;

    @Mixin
    LanguageOption language;

    @Mixin
    PlanOption plan;

    @Override
    public Integer call() {
        String lang = language.get();
        Plan p = plan.load();
        try (GitHistory git = ReleaseCommand.open(repo)) {
            var releases = new ReleaseHistory(git, p.calendar().zone()).all(to);
            PrintWriter out = spec.commandLine().getOut();
            out.print(new ReleaseNotes(p, lang, git.webUrl()).changelog(releases));
            out.flush();
            return Desk.OK;
        } catch (ReleaseInputException e) {
            throw new Desk.UsageException(e.getMessage());
        }
    }
}
