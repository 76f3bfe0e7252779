package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lints a range of a repository's history (CI mode): every commit but git's merges, reverts and
 * autosquash commits against {@link CommitLinter}, and each {@code Removed: <key>} against the
 * deprecation policy, since the history says when the key was announced.
 */
public final class RepositoryLint {

    /** One offending commit and its problems. */
    public record Finding(GitCommit commit, List<LintProblem> problems) {}

    /** The commits checked and those that broke a rule (newest first). */
    public record Report(int checked, List<Finding> findings) {}

    private final CommitLinter linter;
    private final int removalAfter;

    public RepositoryLint(Plan plan) {
        this.linter = new CommitLinter(plan.changeManagement());
        this.removalAfter = plan.deprecation().removalAfterMinorReleases();
    }

    /** {@code from} null: since the latest version tag reachable from {@code to}, else the whole history. */
    public Report lint(GitHistory git, String from, String to) {
        String toId = git.resolve(to);
        List<String> excluded = new ArrayList<>();
        if (from != null) {
            excluded.add(git.resolve(from));
        } else {
            git.latestTag(toId).ifPresent(t -> excluded.add(t.commitId()));
        }
        List<GitCommit> commits = git.range(toId, excluded);
        if (commits.isEmpty() && from != null) {
            throw new ReleaseInputException("the range " + from + ".." + to + " is empty");
        }
        DeprecationLedger ledger = null;
        List<Finding> findings = new ArrayList<>();
        for (GitCommit c : commits) {
            List<LintProblem> problems = new ArrayList<>(linter.lint(c.message()));
            if (c.message() instanceof ConventionalCommit cc && !cc.footerValues(Deprecations.REMOVED).isEmpty()) {
                if (ledger == null) {
                    ledger = DeprecationLedger.read(git, toId);
                }
                for (String value : cc.footerValues(Deprecations.REMOVED)) {
                    ledger.tooEarly(Deprecations.key(value), c, removalAfter).ifPresent(problems::add);
                }
            }
            if (!problems.isEmpty()) {
                findings.add(new Finding(c, problems));
            }
        }
        return new Report(commits.size(), findings);
    }

}
