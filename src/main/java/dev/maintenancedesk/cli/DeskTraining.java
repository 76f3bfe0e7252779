package dev.maintenancedesk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind ./desk's class-data archive (AppCDS) or AOT cache: one JVM runs the short
 * commands a hook or CI job runs, so that every class they need, from the plan reader to JGit's walks,
 * is in the archive. Output is discarded and failures are fine (a tarball without .git still trains
 * the plan and the linter). Usage: {@code DeskTraining REPO...}: a packed and tagged repository trains
 * JGit's pack and tag reading, a worktree its {@code .git} file.
 */
public final class DeskTraining {

    private DeskTraining() {}

    public static void main(String[] args) throws IOException {
        Desk.quietLogging();
        for (String repo : args.length > 0 ? args : new String[] {"."}) {
            train(repo);
        }
        System.exit(0); // as desk does: Runtime.exit's logging belongs in the archive too
    }

    static void train(String repo) throws IOException {
        Path message = Files.createTempFile("desk-training", ".txt");
        try {
            Files.writeString(message, "feat(api): training run\n\nRefs: #1\n");
            run("commits", "lint", "--message-file", message.toString());
            Files.writeString(message, "Feat : not conventional\n");
            run("commits", "lint", "--message-file", message.toString());
            System.setIn(new ByteArrayInputStream("fix: a\0feat(x)!: b\n\nBREAKING CHANGE: c".getBytes(StandardCharsets.UTF_8)));
            run("commits", "parse");
            run("plan", "validate");
            run("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P2", "--clock", "resolution");
            run("sla", "between", "--start", "2026-03-10T16:30:00+01:00", "--end", "2026-03-12T10:00:00+01:00");
            run("release", "next", "--repo", repo, "--date", "2026-01-01", "--json");
            run("release", "notes", "--repo", repo, "--lang", "en");
            run("release", "notes", "--repo", repo, "--from", "HEAD~3", "--version", "1.0.0");
            run("release", "check", "--repo", repo, "--from", "HEAD~3", "--to", "HEAD");
            run("changelog", "--repo", repo, "--lang", "en");
            run("release", "notes", "--repo", repo + "/no-such-dir");
        } finally {
            Files.deleteIfExists(message);
        }
    }

    private static void run(String... args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        Desk.run(args, sink, sink);
    }
}
