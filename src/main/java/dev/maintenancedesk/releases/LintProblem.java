package dev.maintenancedesk.releases;

/** One reason a commit message is refused, naming the rule broken. */
public record LintProblem(CommitRule rule, String detail) {

    /** {@code "<rule-id>: <detail> (Conventional Commits 1.0.0 rule N)"}. */
    @Override
    public String toString() {
        return rule.describe(detail);
    }
}
