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
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Read-only access to a git repository through JGit: revisions, version tags, commit ranges and the
 * paths a commit changes. Every failure is a one-line {@link ReleaseInputException}.
 */
public final class GitHistory implements AutoCloseable {

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

    /** The version tags whose commit is {@code commitId} or one of its ancestors, highest first (one walk). */
    public List<VersionTag> reachableTags(String commitId) {
        Map<String, List<VersionTag>> byCommit = new HashMap<>();
        versionTags().forEach(t -> byCommit.computeIfAbsent(t.commitId(), k -> new ArrayList<>()).add(t));
        List<VersionTag> reachable = new ArrayList<>();
        try (RevWalk headers = new RevWalk(repository)) {
            headers.setRetainBody(false);
            headers.markStart(headers.parseCommit(ObjectId.fromString(commit(commitId).name())));
            int left = byCommit.size();
            for (RevCommit c = headers.next(); c != null && left > 0; c = headers.next()) {
                List<VersionTag> here = byCommit.get(c.name());
                if (here != null) {
                    reachable.addAll(here);
                    left--;
                }
            }
        } catch (IOException e) {
            throw new ReleaseInputException("cannot walk the history of " + dir + ": " + e.getMessage(), e);
        }
        reachable.sort(Comparator.comparing(VersionTag::version).reversed());
        return reachable;
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
                commits.add(new GitCommit(c.name(), c.abbreviate(7).name(), c.getCommitterIdent().getWhenAsInstant(),
                        c.getParentCount() > 1, ConventionalCommitParser.parse(c.getFullMessage())));
            }
            return commits;
        } catch (MissingObjectException e) {
            throw new ReleaseInputException("the history of " + dir + " is incomplete (missing " + e.getObjectId().name()
                    + "); a shallow clone? fetch with --unshallow", e);
        } catch (IOException e) {
            throw new ReleaseInputException("cannot walk the history of " + dir + ": " + e.getMessage(), e);
        } finally {
            walk.reset();
        }
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
