package dev.maintenancedesk.cli;

import dev.maintenancedesk.github.GitHubImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Imports existing GitHub issues as tickets (again: nothing changes).",
        subcommands = {ImportCommand.Issues.class, ImportCommand.Repository.class})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (github-issues or github)");
    }

    /** A progress bar on a terminal (stderr), nothing when redirected. */
    static GitHubImport.Progress progress(PrintWriter err) {
        if (System.console() == null) {
            return (done, total) -> { };
        }
        return (done, total) -> {
            if (total < 0) {
                err.print("\rReading issues from GitHub: " + done);
            } else {
                int width = 30;
                int filled = total == 0 ? width : (int) ((long) done * width / total);
                err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total);
                if (done == total) {
                    err.println();
                }
            }
            err.flush();
        };
    }

    @Command(name = "github-issues", description = {"Imports the JSON that `gh issue list --state all --limit 10000 "
            + "--json number,title,body,labels,state,createdAt,closedAt,author,assignees,url` writes.",
            "Tickets keep the issues' creation and closing dates (their SLA clocks start then)."})
    static final class Issues implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The JSON file.")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isReadable(file)) {
                throw new Desk.UsageException("FILE: cannot read " + file);
            }
            GitHubImport.Summary summary = DeskDatabase.with(GitHubImport.class,
                    i -> i.importFile(file, progress(spec.commandLine().getErr())));
            spec.commandLine().getOut().println(summary.line());
            return Desk.OK;
        }
    }

    @Command(name = "github", description = "Imports a repository's issues through the REST API "
            + "(DESK_GITHUB_API_URL, DESK_GITHUB_TOKEN), page by page.")
    static final class Repository implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--repository", paramLabel = "OWNER/NAME", required = true, description = "The repository.")
        String repository;

        @Override
        public Integer call() {
            GitHubImport.Summary summary = DeskDatabase.with(GitHubImport.class,
                    i -> i.importRepository(repository, progress(spec.commandLine().getErr())));
            spec.commandLine().getOut().println(summary.line());
            return Desk.OK;
        }
    }
}
