package dev.maintenancedesk.releases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temporary directory, built with JGit, for tests. */
public final class GitFixture implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2026-01-05T10:00:00Z");
    private int files;

    private GitFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static GitFixture init(Path dir) {
        try {
            return new GitFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    /** Commits a change to a fresh file (or to {@code paths}) with this message; returns the commit id. */
    public String commit(String message, String... paths) {
        try {
            if (paths.length == 0) {
                paths = new String[] {"file-" + (++files) + ".txt"};
            }
            for (String p : paths) {
                Path f = dir.resolve(p);
                Files.createDirectories(f.getParent());
                Files.writeString(f, message + files++ + "\n");
                git.add().addFilepattern(p).call();
            }
            clock = clock.plusSeconds(60);
            PersonIdent who = new PersonIdent("Dev", "dev@example.org", Date.from(clock), TimeZone.getTimeZone(ZoneOffset.UTC));
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            return c.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lightweight tag on HEAD (or an annotated one when {@code annotated}). */
    public GitFixture tag(String name, boolean annotated) {
        try {
            git.tag().setName(name).setAnnotated(annotated).setMessage(annotated ? "release " + name : null)
                    .setSigned(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture tag(String name) {
        return tag(name, true);
    }

    public GitFixture tagAt(String name, String commitId) {
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            git.tag().setName(name).setObjectId(walk.parseCommit(git.getRepository().resolve(commitId)))
                    .setAnnotated(false).call();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A merge commit (no fast-forward) of {@code branch} into the current branch. */
    public String merge(String branch) {
        try {
            clock = clock.plusSeconds(60);
            return git.merge().include(git.getRepository().resolve(branch))
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("Merge branch '" + branch + "'").call().getNewHead().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
