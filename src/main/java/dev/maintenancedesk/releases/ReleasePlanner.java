package dev.maintenancedesk.releases;

import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the next release (DESIGN §6): pending commits since the version tags, reverts cancelled, the
 * bump, and the first window that allows it. Breaking changes wait for the next MAJOR window when a
 * smaller release can ship before it.
 */
public final class ReleasePlanner {

    private final ReleaseWindows windows;

    public ReleasePlanner(Plan plan) {
        this(new ReleaseWindows(plan));
    }

    public ReleasePlanner(ReleaseWindows windows) {
        this.windows = windows;
    }

    /** Commits reachable from {@code to} and from no version tag, with reverted pairs removed (newest first). */
    static List<GitCommit> pending(GitHistory git, String toId) {
        Set<String> tagged = new LinkedHashSet<>();
        git.versionTags().forEach(t -> tagged.add(t.commitId()));
        tagged.remove(toId);
        if (git.versionTags().stream().anyMatch(t -> t.commitId().equals(toId))) {
            return List.of();
        }
        return Reverts.cancel(git.range(toId, tagged));
    }

    public NextRelease next(GitHistory git, String to, LocalDate date) {
        String toId = git.resolve(to);
        Optional<VersionTag> latest = git.latestTag(toId);
        Version current = latest.map(VersionTag::version).orElse(Version.ZERO);
        String prefix = latest.map(t -> t.name().startsWith("v") ? "v" : "").orElse("v");
        List<GitCommit> commits = pending(git, toId);
        List<GitCommit> breaking = new ArrayList<>();
        List<GitCommit> others = new ArrayList<>();
        Bump othersBump = Bump.NONE;
        for (GitCommit c : commits) {
            if (c.merge()) {
                continue;
            }
            Bump b = Bump.of(c.message(), current);
            if (b == Bump.MAJOR) {
                breaking.add(c);
            } else {
                others.add(c);
                othersBump = othersBump.max(b);
            }
        }
        String currentTag = latest.map(VersionTag::name).orElse(null);
        Version shown = latest.isPresent() ? current : null;
        if (breaking.isEmpty() && othersBump == Bump.NONE) {
            return new NextRelease(shown, currentTag, null, null, Bump.NONE, null, commits, List.of(), null);
        }
        ReleaseWindow major = breaking.isEmpty() ? null : window(date, Bump.MAJOR);
        if (!breaking.isEmpty() && othersBump != Bump.NONE) {
            ReleaseWindow earlier = window(date, othersBump);
            if (earlier.date().isBefore(major.date())) {
                Version next = current.bump(othersBump);
                return new NextRelease(shown, currentTag, next, prefix + next, othersBump, earlier, others, breaking, major);
            }
        }
        Bump bump = breaking.isEmpty() ? othersBump : Bump.MAJOR;
        ReleaseWindow window = major != null ? major : window(date, bump);
        Version next = current.bump(bump);
        return new NextRelease(shown, currentTag, next, prefix + next, bump, window, commits, List.of(), null);
    }

    private ReleaseWindow window(LocalDate date, Bump bump) {
        return windows.firstOnOrAfter(date, bump.window()).orElseThrow(() -> new ReleaseInputException(
                "the plan's release calendar has no window for a " + bump + " release within "
                        + ReleaseWindows.HORIZON_YEARS + " years of " + date));
    }
}
