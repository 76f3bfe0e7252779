package dev.maintenancedesk.releases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each deprecation was announced, read from the whole history reachable from a commit: the
 * {@code Deprecated:} commit and the first version tag that ships it.
 */
final class DeprecationLedger {

    private final GitHistory git;
    private final Map<String, GitCommit> announcements = new HashMap<>();

    private DeprecationLedger(GitHistory git) {
        this.git = git;
    }

    static DeprecationLedger read(GitHistory git, String toId) {
        DeprecationLedger ledger = new DeprecationLedger(git);
        List<GitCommit> all = git.range(toId, List.of());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).message() instanceof ConventionalCommit c) {
                for (String v : c.footerValues(Deprecations.DEPRECATED)) {
                    ledger.announcements.putIfAbsent(Deprecations.key(v), all.get(i));
                }
            }
        }
        return ledger;
    }

    /** The lowest version tag containing {@code commitId}, if released. */
    Optional<VersionTag> firstRelease(String commitId) {
        List<VersionTag> ascending = new ArrayList<>(git.versionTags());
        java.util.Collections.reverse(ascending);
        for (VersionTag t : ascending) {
            if (git.isAncestor(commitId, git.commit(t.commitId()))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * A problem when removing {@code key} in {@code removal} comes before the (after+1)-th MINOR-or-MAJOR
     * release following the announcing one.
     */
    Optional<LintProblem> tooEarly(String key, GitCommit removal, int after) {
        GitCommit announced = announcements.get(key);
        if (announced == null) {
            return Optional.of(new LintProblem(CommitRule.REMOVAL_TOO_EARLY, "\"" + key
                    + "\" was never announced with a \"Deprecated: " + key + "\" footer"));
        }
        Optional<VersionTag> announcing = firstRelease(announced.id());
        if (announcing.isEmpty()) {
            return Optional.of(new LintProblem(CommitRule.REMOVAL_TOO_EARLY, "\"" + key + "\" is deprecated by "
                    + announced.shortId() + " which is not released yet; removal allowed from the "
                    + ordinal(after + 1) + " MINOR-or-MAJOR release after it"));
        }
        Version from = announcing.get().version();
        Optional<VersionTag> shipping = firstRelease(removal.id());
        long cycles = git.versionTags().stream().map(VersionTag::version)
                .filter(v -> v.compareTo(from) > 0 && v.isMinorOrMajor())
                .filter(v -> shipping.isEmpty() || v.compareTo(shipping.get().version()) <= 0)
                .count() + (shipping.isEmpty() ? 1 : 0);
        if (cycles > after) {
            return Optional.empty();
        }
        Version earliest = new Version(from.major(), from.minor() + after + 1, 0);
        return Optional.of(new LintProblem(CommitRule.REMOVAL_TOO_EARLY, "\"" + key + "\" was deprecated in "
                + from + "; removing it " + (shipping.isPresent() ? "in " + shipping.get().version() : "in the next release")
                + " is only the " + ordinal((int) cycles) + " MINOR-or-MAJOR release after; allowed from the "
                + ordinal(after + 1) + " (" + earliest + " at the earliest)"));
    }

    static String ordinal(int n) {
        return n + switch (n % 100 >= 11 && n % 100 <= 13 ? 0 : n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
