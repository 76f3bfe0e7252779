package dev.maintenancedesk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind ./desk's class-data archive (AppCDS) or AOT cache: one JVM runs the short
 * commands a hook or CI job runs, so that every class they need, from the plan reader to JGit's walks,
 * is in the archive. Output is discarded; bad input is part of the training (a rejected commit
 * message, a directory that is not a repository: a tarball without .git still trains the plan and the
 * linter), but an internal error (exit 3) fails the run, so that ./desk can say so. Usage:
 * {@code DeskTraining REPO...}: a packed and tagged repository trains JGit's pack and tag reading, a
 * worktree its {@code .git} file.
 */
public final class DeskTraining {

    private DeskTraining() {}

    /** One command of the training and how it ended. */
    record Run(List<String> args, int exitCode, String errors) {
        @Override
        public String toString() {
            return "desk " + String.join(" ", args) + " → " + exitCode + (errors.isBlank() ? "" : ": " + errors.strip());
        }
    }

    public static void main(String[] args) throws IOException {
        Desk.quietLogging();
        List<Run> failed = new ArrayList<>();
        for (String repo : args.length > 0 ? args : new String[] {"."}) {
            train(repo).stream().filter(r -> r.exitCode() == Desk.INTERNAL_ERROR).forEach(failed::add);
        }
        failed.forEach(System.err::println);
        System.exit(failed.isEmpty() ? 0 : 1); // as desk does: Runtime.exit's logging belongs in the archive too
    }

    static List<Run> train(String repo) throws IOException {
        List<Run> runs = new ArrayList<>();
        Path message = Files.createTempFile("desk-training", ".txt");
        InputStream stdin = System.in;
        try {
            Files.writeString(message, "feat(api): training run\n\nRefs: #1\n");
            runs.add(run("commits", "lint", "--message-file", message.toString()));
            Files.writeString(message, "Feat : not conventional\n");
            runs.add(run("commits", "lint", "--message-file", message.toString()));
            System.setIn(new ByteArrayInputStream("fix: a\0feat(x)!: b\n\nBREAKING CHANGE: c".getBytes(StandardCharsets.UTF_8)));
            runs.add(run("commits", "parse"));
            runs.add(run("plan", "validate"));
            runs.add(run("sla", "deadline", "--start", "2026-03-10T16:30:00+01:00", "--priority", "P2", "--clock", "resolution"));
            runs.add(run("sla", "between", "--start", "2026-03-10T16:30:00+01:00", "--end", "2026-03-12T10:00:00+01:00"));
            runs.add(run("release", "next", "--repo", repo, "--date", "2026-01-01", "--json"));
            runs.add(run("release", "notes", "--repo", repo, "--lang", "en"));
            runs.add(run("release", "notes", "--repo", repo, "--from", "HEAD~3", "--version", "1.0.0"));
            runs.add(run("release", "check", "--repo", repo, "--from", "HEAD~3", "--to", "HEAD"));
            runs.add(run("changelog", "--repo", repo, "--lang", "en"));
            runs.add(run("release", "notes", "--repo", repo + "/no-such-dir"));
        } finally {
            System.setIn(stdin);
            Files.deleteIfExists(message);
        }
        return runs;
    }

    private static Run run(String... args) {
        StringWriter errors = new StringWriter();
        int code = Desk.run(args, new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(errors, true));
        return new Run(List.of(args), code, errors.toString());
    }
}
