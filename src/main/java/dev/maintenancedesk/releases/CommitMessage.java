package dev.maintenancedesk.releases;

import java.util.List;

/**
 * What {@link ConventionalCommitParser} makes of a commit message: a {@link ConventionalCommit}, a
 * message git writes itself ({@link Merge}, {@link GitRevert}, {@link Autosquash}), or {@link Invalid}
 * naming the rule broken.
 */
public sealed interface CommitMessage
        permits ConventionalCommit, CommitMessage.Merge, CommitMessage.GitRevert, CommitMessage.Autosquash,
        CommitMessage.Invalid {

    /** The first line as written. */
    String subject();

    /** git's merge messages: {@code Merge branch 'x'}, {@code Merge pull request #12 from …}, … */
    record Merge(String subject) implements CommitMessage {}

    /**
     * git's {@code Revert "<reverted subject>"} message; {@code revertedCommit} is the id from
     * {@code This reverts commit <id>.}, or null.
     */
    record GitRevert(String subject, String revertedSubject, String revertedCommit) implements CommitMessage {

        public List<String> revertedCommits() {
            return revertedCommit == null ? List.of() : List.of(revertedCommit);
        }
    }

    /** {@code fixup! …}, {@code squash! …}, {@code amend! …}: squashed away by {@code git rebase --autosquash}. */
    record Autosquash(String subject) implements CommitMessage {}

    /** Not a Conventional Commit: the rule broken and a one-line explanation. */
    record Invalid(String subject, CommitRule rule, String detail) implements CommitMessage {

        /** {@code "<rule-id>: <detail> (Conventional Commits 1.0.0 rule N)"}. */
        public String error() {
            return rule.describe(detail);
        }
    }
}
