package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.ReleaseTag;
import java.util.Set;

/**
 * The part of the version a set of changes bumps (DESIGN §6): breaking → MAJOR; feat → MINOR; fix,
 * security, perf, revert → PATCH; anything else alone → no release. Before 1.0.0 a breaking change or a
 * feature bumps MINOR and the rest PATCH.
 */
public enum Bump {
    NONE, PATCH, MINOR, MAJOR;

    static final Set<String> PATCH_TYPES = Set.of("fix", "security", "perf", "revert");

    /** The bump one message asks for, by the rules of {@code current}'s major version. */
    public static Bump of(CommitMessage message, Version current) {
        Bump bump = switch (message) {
            case ConventionalCommit c when c.breaking() -> MAJOR;
            case ConventionalCommit c when c.type().equals("feat") -> MINOR;
            case ConventionalCommit c when PATCH_TYPES.contains(c.type()) -> PATCH;
            case CommitMessage.GitRevert r -> PATCH;
            default -> NONE;
        };
        return current.major() == 0 && bump == MAJOR ? MINOR : bump;
    }

    /** The smallest kind of release window this bump may ship in (nothing to release ships anywhere). */
    public ReleaseTag window() {
        return switch (this) {
            case NONE, PATCH -> ReleaseTag.PATCH;
            case MINOR -> ReleaseTag.MINOR;
            case MAJOR -> ReleaseTag.MAJOR;
        };
    }

    public Bump max(Bump other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
