package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.ChangeManagement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one commit message against Conventional Commits 1.0.0 and the plan: only the plan's commit
 * types (and the ones it also accepts), and a {@code Removed:} footer only on a breaking change. Messages
 * git writes itself (merges, {@code Revert "…"}, {@code fixup!}) pass.
 */
public final class CommitLinter {

    /** git's scissors line: {@code git commit -v} puts the diff below it. */
    static final String SCISSORS = "------------------------ >8 ------------------------";

    private final ChangeManagement rules;

    public CommitLinter(ChangeManagement rules) {
        this.rules = rules;
    }

    public List<LintProblem> lint(String message) {
        return lint(ConventionalCommitParser.parse(message));
    }

    public List<LintProblem> lint(CommitMessage message) {
        List<LintProblem> problems = new ArrayList<>();
        switch (message) {
            case CommitMessage.Invalid invalid -> problems.add(new LintProblem(invalid.rule(), invalid.detail()));
            case ConventionalCommit commit -> {
                if (!rules.acceptsCommitType(commit.type())) {
                    problems.add(new LintProblem(CommitRule.TYPE_NOT_ALLOWED, "type \"" + commit.type()
                            + "\" is not one of the plan's commit types (" + String.join(", ", allowedTypes()) + ")"));
                }
                if (!commit.footerValues(Deprecations.REMOVED).isEmpty() && !commit.breaking()) {
                    problems.add(new LintProblem(CommitRule.REMOVAL_NOT_BREAKING, "\"Removed: "
                            + commit.footerValues(Deprecations.REMOVED).get(0)
                            + "\" needs a breaking change: add '!' before the colon or a BREAKING CHANGE: footer"));
                }
            }
            default -> { }
        }
        return problems;
    }

    public List<String> allowedTypes() {
        Set<String> types = new LinkedHashSet<>(rules.commitTypes());
        types.addAll(rules.alsoAcceptedCommitTypes());
        return List.copyOf(types);
    }

    /**
     * The message git would record from an edited COMMIT_EDITMSG (its default {@code strip} clean-up):
     * everything from the scissors line on is cut, {@code #} comment lines are dropped, trailing spaces,
     * leading and trailing blank lines removed and runs of blank lines collapsed.
     */
    public static String cleanUp(String text) {
        StringBuilder out = new StringBuilder();
        boolean pendingBlank = false;
        int from = 0;
        int n = text.length();
        while (from < n) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? n : nl;
            String line = text.substring(from, end).stripTrailing();
            from = end + 1;
            if (line.startsWith("#")) {
                if (line.substring(1).strip().equals(SCISSORS)) {
                    break;
                }
                continue;
            }
            if (line.isEmpty()) {
                pendingBlank = out.length() > 0;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
                pendingBlank = false;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
