package dev.maintenancedesk.cli;

import dev.maintenancedesk.releases.CommitLinter;
import dev.maintenancedesk.releases.CommitMessage;
import dev.maintenancedesk.releases.ConventionalCommit;
import dev.maintenancedesk.releases.ConventionalCommitParser;
import dev.maintenancedesk.releases.Footer;
import dev.maintenancedesk.releases.GitCommit;
import dev.maintenancedesk.releases.GitHistory;
import dev.maintenancedesk.releases.LintProblem;
import dev.maintenancedesk.releases.ReleaseInputException;
import dev.maintenancedesk.releases.RepositoryLint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "commits", description = "Parse and lint Conventional Commits 1.0.0 messages.",
        subcommands = {CommitsCommand.Parse.class, CommitsCommand.Lint.class})
final class CommitsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (parse or lint)");
    }

    @Command(name = "parse", description = {"Read commit messages separated by NUL bytes on stdin "
            + "(e.g. git log -z --format=%B) and print one JSON object per message.",
            "Absent scope and body are null; types are lower-cased; a footer \"Token #value\" keeps the '#'."})
    static final class Parse implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String input = CliInput.utf8(CliInput.readAll(System.in), "stdin");
            PrintWriter out = spec.commandLine().getOut();
            int from = 0;
            int n = input.length();
            StringBuilder line = new StringBuilder(256);
            while (from < n) {
                int nul = input.indexOf('\0', from);
                int end = nul < 0 ? n : nul;
                line.setLength(0);
                json(ConventionalCommitParser.parse(input.substring(from, end)), line);
                out.println(line);
                from = end + 1;
            }
            out.flush();
            return Desk.OK;
        }

        static void json(CommitMessage message, StringBuilder sb) {
            if (message instanceof ConventionalCommit c) {
                sb.append("{\"conventional\":true,\"type\":").append(JsonText.string(c.type()))
                        .append(",\"scope\":").append(JsonText.string(c.scope()))
                        .append(",\"breaking\":").append(c.breaking())
                        .append(",\"description\":").append(JsonText.string(c.description()))
                        .append(",\"body\":").append(JsonText.string(c.body()))
                        .append(",\"footers\":[");
                List<Footer> footers = c.footers();
                for (int i = 0; i < footers.size(); i++) {
                    Footer f = footers.get(i);
                    sb.append(i == 0 ? "" : ",").append("{\"token\":").append(JsonText.string(f.token()))
                            .append(",\"value\":").append(JsonText.string(f.value())).append('}');
                }
                sb.append("]}");
            } else {
                sb.append("{\"conventional\":false,\"error\":").append(JsonText.string(error(message))).append('}');
            }
        }

        static String error(CommitMessage message) {
            return switch (message) {
                case CommitMessage.Invalid i -> i.error();
                case CommitMessage.Merge m -> "merge: a merge commit written by git, not a Conventional Commit";
                case CommitMessage.GitRevert r -> "git-revert: git's Revert \"…\" message, not a Conventional Commit"
                        + (r.revertedCommit() == null ? "" : " (reverts " + r.revertedCommit() + ")");
                case CommitMessage.Autosquash a -> "autosquash: a fixup!/squash!/amend! commit, squashed by git rebase";
                case ConventionalCommit c -> "";
            };
        }
    }

    @Command(name = "lint", description = {"Check commit messages: Conventional Commits 1.0.0 and the plan's commit types.",
            "Hook: printf '#!/bin/sh\\nexec ./desk commits lint --message-file \"$1\"\\n' > .git/hooks/commit-msg && chmod +x .git/hooks/commit-msg",
            "Exit codes: 0 valid, 1 rule broken (one line per problem), 2 bad usage or unreadable input."})
    static final class Lint implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--message-file", paramLabel = "FILE", required = true,
                    description = "A commit message file (git's COMMIT_EDITMSG: # comments and the scissors line are ignored).")
            Path messageFile;

            @Option(names = "--repo", paramLabel = "DIR", required = true, description = "A git repository (CI mode).")
            Path repo;
        }

        @Option(names = "--from", paramLabel = "REV",
                description = "Start of the range, excluded (default: the latest version tag; the whole history without one).")
        String from;

        @Option(names = "--to", paramLabel = "REV", defaultValue = "HEAD", description = "End of the range (default: HEAD).")
        String to;

        @Mixin
        PlanOption plan;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (source.messageFile != null) {
                if (from != null || spec.commandLine().getParseResult().hasMatchedOption("--to")) {
                    throw new Desk.UsageException("--from and --to go with --repo, not with --message-file");
                }
                String text = CliInput.readFile(source.messageFile);
                if (text.indexOf('\0') >= 0) {
                    throw new Desk.UsageException(source.messageFile + " contains a NUL byte: not a commit message");
                }
                String message = CommitLinter.cleanUp(text);
                List<LintProblem> problems = new CommitLinter(plan.load().changeManagement()).lint(message);
                problems.forEach(p -> out.println(p));
                out.flush();
                if (!problems.isEmpty()) {
                    err.println("desk: commit message rejected (" + problems.size() + " problem"
                            + (problems.size() == 1 ? "" : "s") + "); the header must read \"<type>[(scope)][!]: <description>\"");
                    return Desk.CHECK_FAILED;
                }
                return Desk.OK;
            }
            try (GitHistory git = GitHistory.open(source.repo)) {
                RepositoryLint.Report report = new RepositoryLint(plan.load()).lint(git, from, to);
                for (RepositoryLint.Finding f : report.findings()) {
                    GitCommit c = f.commit();
                    for (LintProblem p : f.problems()) {
                        out.println(c.shortId() + " " + c.subject() + ": " + p);
                    }
                }
                out.flush();
                if (!report.findings().isEmpty()) {
                    err.println("desk: " + report.findings().size() + " of " + report.checked() + " commits break the rules");
                    return Desk.CHECK_FAILED;
                }
                err.println("desk: " + report.checked() + " commits checked, all valid");
                return Desk.OK;
            } catch (ReleaseInputException e) {
                throw new Desk.UsageException(e.getMessage());
            }
        }
    }
}
