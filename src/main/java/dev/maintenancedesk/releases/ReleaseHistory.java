package dev.maintenancedesk.releases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Cuts a repository's history into releases at its version tags. */
public final class ReleaseHistory {

    private final GitHistory git;
    private final ZoneId zone;

    public ReleaseHistory(GitHistory git, ZoneId zone) {
        this.git = git;
        this.zone = zone;
    }

    /**
     * Every release reachable from {@code to}, newest first, preceded by the unreleased commits if any.
     * A commit belongs to the first tag (in history order) that contains it.
     */
    public List<Release> all(String to) {
        String toId = git.resolve(to);
        List<VersionTag> tags = new ArrayList<>(git.reachableTags(toId));
        tags.sort(Comparator.comparing(VersionTag::time).thenComparing(VersionTag::version));
        List<Release> releases = new ArrayList<>();
        List<String> before = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (VersionTag tag : tags) {
            if (!seen.add(tag.commitId())) {
                continue;
            }
            List<GitCommit> commits = git.range(tag.commitId(), before);
            releases.add(new Release(tag.version(), tag.name(), date(tag), Reverts.cancel(commits)));
            before.add(tag.commitId());
        }
        if (!seen.contains(toId)) {
            List<GitCommit> unreleased = git.range(toId, before);
            if (!unreleased.isEmpty()) {
                releases.add(new Release(null, null, null, Reverts.cancel(unreleased)));
            }
        }
        return releases.reversed();
    }

    /**
     * The release of a range. Without {@code from}: the release tagged at {@code to}, or the commits not
     * yet released. {@code version} names an unreleased range (default: the next version by the bump rules).
     */
    public Release range(String from, String to, Version version, LocalDate today) {
        String toId = git.resolve(to);
        Optional<VersionTag> tagged = git.versionTags().stream().filter(t -> t.commitId().equals(toId)).findFirst();
        List<String> excluded = new ArrayList<>();
        if (from != null) {
            excluded.add(git.resolve(from));
        } else {
            git.versionTags().stream().map(VersionTag::commitId).filter(id -> !id.equals(toId)).distinct()
                    .forEach(excluded::add);
        }
        List<GitCommit> commits = git.range(toId, excluded);
        if (commits.isEmpty()) {
            throw new ReleaseInputException(from == null ? "nothing to release: " + to + " is the commit of the latest tag"
                    : "the range " + from + ".." + to + " is empty");
        }
        List<GitCommit> effective = Reverts.cancel(commits);
        if (version != null) {
            return new Release(version, tagged.map(VersionTag::name).orElse(null),
                    tagged.map(this::date).orElse(today), effective);
        }
        if (tagged.isPresent()) {
            return new Release(tagged.get().version(), tagged.get().name(), date(tagged.get()), effective);
        }
        Version current = git.latestTag(toId).map(VersionTag::version).orElse(Version.ZERO);
        Bump bump = Bump.NONE;
        for (GitCommit c : effective) {
            bump = bump.max(Bump.of(c.message(), current));
        }
        return new Release(bump == Bump.NONE ? null : current.bump(bump), null, today, effective);
    }

    private LocalDate date(VersionTag tag) {
        return LocalDate.ofInstant(tag.time(), zone);
    }
}
