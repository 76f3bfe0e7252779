package dev.maintenancedesk.releases;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Read-only access to a git repository through JGit: revisions, version tags, commit ranges and the
 * paths a commit changes. Every failure is a one-line {@link ReleaseInputException}.
 */
public final class GitHistory implements AutoCloseable {

    static {
        // JGit finds git's system config by running `git` twice (~0.1 s), and publishes its cache statistics
        // over JMX (~30 ms to start an MBean server); reading history needs neither.
        WindowCacheConfig cache = new WindowCacheConfig();
        cache.setExposeStatsViaJmx(false);
        cache.install();
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                // what JGit itself does under GIT_CONFIG_NOSYSTEM: an empty config that is never read
                return new FileBasedConfig(parent, null, fs) {
                    @Override
                    public void load() {}

                    @Override
                    public boolean isOutdated() {
                        return false;
                    }
                };
            }
        });
    }

    private final Repository repository;
    private final RevWalk walk;
    private final Path dir;
    private List<VersionTag> tags;

    private GitHistory(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
        this.walk = new RevWalk(repository);
    }

    /** Opens the repository whose work tree (or bare directory) is {@code dir}. */
    public static GitHistory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReleaseInputException(dir + " is not a directory");
        }
        File file = dir.toFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.exists(dir.resolve(Constants.DOT_GIT))) {
            builder.setWorkTree(file);
        } else {
            builder.setGitDir(file);
        }
        try {
            Repository repository = builder.build();
            if (!repository.getObjectDatabase().exists()) {
                repository.close();
                throw notARepository(dir);
            }
            return new GitHistory(dir, repository);
        } catch (IOException | IllegalArgumentException e) {
            throw notARepository(dir);
        }
    }

    private static ReleaseInputException notARepository(Path dir) {
        return new ReleaseInputException(dir + " is not a git repository");
    }

    public Path dir() {
        return dir;
    }

    /** The commit a revision names (branch, tag, id, {@code HEAD~2}…). */
    public String resolve(String revision) {
        return commit(revision).name();
    }

    RevCommit commit(String revision) {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (AmbiguousObjectException e) {
            throw new ReleaseInputException("revision \"" + revision + "\" is ambiguous");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            throw new ReleaseInputException("\"" + revision + "\" is not a commit revision");
        } catch (IOException e) {
            throw new ReleaseInputException("cannot read revision \"" + revision + "\": " + e.getMessage(), e);
        }
        if (id == null) {
            throw new ReleaseInputException(revision.equals(Constants.HEAD)
                    ? "the repository " + dir + " has no commit yet"
                    : "unknown revision \"" + revision + "\" in " + dir);
        }
        try {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new ReleaseInputException("cannot read commit " + id.name() + ": " + e.getMessage(), e);
        }
    }

    /** Every tag {@code vX.Y.Z} or {@code X.Y.Z}, peeled to its commit, highest version first. */
    public List<VersionTag> versionTags() {
        if (tags == null) {
            List<VersionTag> found = new ArrayList<>();
            try {
                for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                    String name = ref.getName().substring(Constants.R_TAGS.length());
                    Optional<Version> version = Version.fromTag(name);
                    if (version.isEmpty()) {
                        continue;
                    }
                    RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
                    if (target instanceof RevCommit c) {
                        walk.parseHeaders(c);
                        found.add(new VersionTag(name, version.get(), c.name(),
                                c.getCommitterIdent().getWhenAsInstant()));
                    }
                }
            } catch (IOException e) {
                throw new ReleaseInputException("cannot read the tags of " + dir + ": " + e.getMessage(), e);
            }
            // the same version tagged twice (v1.0.0 and 1.0.0): keep one
            Map<Version, VersionTag> byVersion = new HashMap<>();
            found.forEach(t -> byVersion.merge(t.version(), t, (a, b) -> a.name().compareTo(b.name()) <= 0 ? a : b));
            tags = byVersion.values().stream().sorted(Comparator.comparing(VersionTag::version).reversed()).toList();
        }
        return tags;
    }

    /** The highest version tag reachable from {@code commitId}. */
    public Optional<VersionTag> latestTag(String commitId) {
        RevCommit tip = commit(commitId);
        for (VersionTag tag : versionTags()) {
            if (isAncestor(tag.commitId(), tip)) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    boolean isAncestor(String ancestorId, RevCommit tip) {
        try {
            if (tip.name().equals(ancestorId)) {
                return true;
            }
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestorId)), tip);
        } catch (IOException e) {
            throw new ReleaseInputException("cannot walk the history of " + dir + ": " + e.getMessage(), e);
        } finally {
            walk.reset();
        }
    }

    /**
     * The commits reachable from {@code to} and from none of {@code excluded}, newest first, with parsed
     * messages (git's {@code excluded..to}).
     */
    public List<GitCommit> range(String to, Collection<String> excluded) {
        try {
            walk.reset();
            walk.setRetainBody(true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(resolve(to))));
            for (String id : excluded) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(id)));
            }
            List<GitCommit> commits = new ArrayList<>();
            for (RevCommit c : walk) {
                commits.add(commit(c));
            }
            return commits;
        } catch (MissingObjectException e) {
            throw incomplete(e);
        } catch (IOException e) {
            throw new ReleaseInputException("cannot walk the history of " + dir + ": " + e.getMessage(), e);
        } finally {
            walk.reset();
        }
    }

    /**
     * The history reachable from {@code to} split at {@code boundaries} (commit ids in release order): part
     * {@code i} holds the commits reachable from boundary {@code i} and from no earlier one, newest first;
     * the last part holds the rest, reachable from {@code to} only. A boundary not reachable from
     * {@code to} gets null (an empty list when reachable). One walk whatever the number of releases: each commit takes the lowest
     * boundary index of its descendants, passed from child to parent in topological order.
     */
    public List<List<GitCommit>> split(String to, List<String> boundaries) {
        Map<String, Integer> boundaryIndex = new HashMap<>();
        for (int i = boundaries.size() - 1; i >= 0; i--) {
            boundaryIndex.put(boundaries.get(i), i);
        }
        int rest = boundaries.size();
        List<List<GitCommit>> parts = new ArrayList<>(rest + 1);
        for (int i = 0; i <= rest; i++) {
            parts.add(null);
        }
        Map<RevCommit, Integer> partOf = new HashMap<>();
        try (RevWalk topo = new RevWalk(repository)) {
            topo.setRetainBody(true);
            topo.sort(RevSort.TOPO);
            topo.sort(RevSort.COMMIT_TIME_DESC, true);
            RevCommit tip = topo.parseCommit(ObjectId.fromString(resolve(to)));
            topo.markStart(tip);
            partOf.put(tip, rest);
            for (RevCommit c = topo.next(); c != null; c = topo.next()) {
                int boundary = boundaryIndex.getOrDefault(c.name(), rest);
                if (parts.get(boundary) == null) {
                    parts.set(boundary, new ArrayList<>());
                }
                int part = Math.min(partOf.getOrDefault(c, rest), boundary);
                for (RevCommit parent : c.getParents()) {
                    partOf.merge(parent, part, Math::min);
                }
                if (parts.get(part) == null) {
                    parts.set(part, new ArrayList<>());
                }
                parts.get(part).add(commit(c));
            }
        } catch (MissingObjectException e) {
            throw incomplete(e);
        } catch (IOException e) {
            throw new ReleaseInputException("cannot walk the history of " + dir + ": " + e.getMessage(), e);
        }
        return parts;
    }

    private static GitCommit commit(RevCommit c) {
        return new GitCommit(c.name(), c.abbreviate(7).name(), c.getCommitterIdent().getWhenAsInstant(),
                c.getParentCount() > 1, ConventionalCommitParser.parse(c.getFullMessage()));
    }

    private ReleaseInputException incomplete(MissingObjectException e) {
        return new ReleaseInputException("the history of " + dir + " is incomplete (missing " + e.getObjectId().name()
                + "); a shallow clone? fetch with --unshallow", e);
    }

    /** The paths a commit adds, modifies, deletes or renames (both sides), against its first parent. */
    public List<String> changedPaths(String commitId) {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDetectRenames(false);
            RevCommit c = walk.parseCommit(ObjectId.fromString(commitId));
            RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            List<String> paths = new ArrayList<>();
            for (DiffEntry entry : diff.scan(parent == null ? null : parent.getTree(), c.getTree())) {
                if (!entry.getOldPath().equals(DiffEntry.DEV_NULL)) {
                    paths.add(entry.getOldPath());
                }
                if (!entry.getNewPath().equals(DiffEntry.DEV_NULL) && !entry.getNewPath().equals(entry.getOldPath())) {
                    paths.add(entry.getNewPath());
                }
            }
            return paths;
        } catch (IOException e) {
            throw new ReleaseInputException("cannot read the changes of " + commitId + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the history depends on: HEAD and every ref with the object it points to. Equal keys mean the same
     * history, so a result computed from one may be reused (a {@code git fetch} that brings nothing keeps it).
     */
    public String stateKey() {
        try {
            StringBuilder key = new StringBuilder();
            Ref head = repository.exactRef(Constants.HEAD);
            key.append(head == null || head.getObjectId() == null ? "-" : head.getObjectId().name());
            List<Ref> refs = new ArrayList<>(repository.getRefDatabase().getRefs());
            refs.sort(Comparator.comparing(Ref::getName));
            for (Ref ref : refs) {
                key.append('\n').append(ref.getName()).append(' ')
                        .append(ref.getObjectId() == null ? "-" : ref.getObjectId().name());
            }
            return key.toString();
        } catch (IOException e) {
            throw new ReleaseInputException("cannot read the refs of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code https://github.com/owner/name} when the {@code origin} remote is on GitHub (for links), else null. */
    public String webUrl() {
        String url = repository.getConfig().getString("remote", "origin", "url");
        if (url == null) {
            return null;
        }
        String u = url.strip();
        if (u.startsWith("git@github.com:")) {
            u = "https://github.com/" + u.substring("git@github.com:".length());
        } else if (u.startsWith("ssh://git@github.com/")) {
            u = "https://github.com/" + u.substring("ssh://git@github.com/".length());
        } else if (!u.startsWith("https://github.com/")) {
            return null;
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    @Override
    public void close() {
        walk.close();
        repository.close();
    }
}
