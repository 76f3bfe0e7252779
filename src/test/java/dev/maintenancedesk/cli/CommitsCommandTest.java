package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.releases.GitFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desk commits parse|lint}: DESIGN §7, without Spring. */
class CommitsCommandTest {

    @TempDir
    Path dir;

    private final InputStream stdin = System.in;

    private Result parse(byte[] input) {
        System.setIn(new ByteArrayInputStream(input));
        return desk("commits", "parse");
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    @Test
    void parsePrintsOneJsonObjectPerNulSeparatedMessage() {
        Result r = parse(("feat(api)!: add export\n\nsome body\n\nRefs: #12\n\0fix: plain\n\0not conventional\n\0")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "{\"conventional\":true,\"type\":\"feat\",\"scope\":\"api\",\"breaking\":true,\"description\":\"add export\","
                        + "\"body\":\"some body\",\"footers\":[{\"token\":\"Refs\",\"value\":\"#12\"}]}",
                "{\"conventional\":true,\"type\":\"fix\",\"scope\":null,\"breaking\":false,\"description\":\"plain\","
                        + "\"body\":null,\"footers\":[]}",
                "{\"conventional\":false,\"error\":\"colon-space: the header \\\"not conventional\\\" has no \\\": \\\" "
                        + "after the type (Conventional Commits 1.0.0 rule 1)\"}");
    }

    @Test
    void parseEscapesJson() {
        Result r = parse("fix: \"quoted\" \\ tab\there\n\nline1\r\nline2".getBytes(StandardCharsets.UTF_8));
        assertThat(r.out().strip()).isEqualTo("{\"conventional\":true,\"type\":\"fix\",\"scope\":null,\"breaking\":false,"
                + "\"description\":\"\\\"quoted\\\" \\\\ tab\\there\",\"body\":\"line1\\nline2\",\"footers\":[]}");
    }

    @Test
    void parseRefusesInvalidUtf8() {
        Result r = parse(new byte[] {'f', 'i', 'x', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("desk: stdin is not valid UTF-8 (byte 5)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void lintMessageFileIgnoresCommentsAndScissors() throws Exception {
        Path f = Files.writeString(dir.resolve("COMMIT_EDITMSG"), """
                feat(api): add export

                # Please enter the commit message for your changes.
                # ------------------------ >8 ------------------------
                diff --git a/x b/x
                whatever: not a message
                """);
        Result r = desk("commits", "lint", "--message-file", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void lintRejectsTypesOutsideThePlanAndNamesTheRule() throws Exception {
        Path f = Files.writeString(dir.resolve("m"), "feature: add export\n");
        Result r = desk("commits", "lint", "--message-file", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().strip()).isEqualTo("type-allowed: type \"feature\" is not one of the plan's commit types "
                + "(feat, fix, chore, docs, refactor, security, perf, test, build, ci, style, revert)");
        Path g = Files.writeString(dir.resolve("g"), "feat:add export\n");
        assertThat(desk("commits", "lint", "--message-file", g.toString()).out()).startsWith("colon-space: ");
    }

    @Test
    void lintRejectsANonBreakingRemoval() throws Exception {
        Path f = Files.writeString(dir.resolve("m"), "feat: drop export\n\nRemoved: export-v1\n");
        Result r = desk("commits", "lint", "--message-file", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("removal-breaking: ");
        Files.writeString(f, "feat!: drop export\n\nRemoved: export-v1\n");
        assertThat(desk("commits", "lint", "--message-file", f.toString()).code()).isZero();
    }

    @Test
    void lintAcceptsGitsOwnMessages() throws Exception {
        Path f = Files.writeString(dir.resolve("m"), "Revert \"feat: x\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n");
        assertThat(desk("commits", "lint", "--message-file", f.toString()).code()).isZero();
        Files.writeString(f, "Merge branch 'topic'\n");
        assertThat(desk("commits", "lint", "--message-file", f.toString()).code()).isZero();
    }

    @Test
    void lintBadInputIsOneLineExitTwo() throws Exception {
        Result missing = desk("commits", "lint", "--message-file", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1);
        Path nul = Files.write(dir.resolve("nul"), "feat: a\0b\n".getBytes(StandardCharsets.UTF_8));
        Result r = desk("commits", "lint", "--message-file", nul.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("desk: " + nul + " contains a NUL byte: not a commit message");
        Path latin1 = Files.write(dir.resolve("latin1"), new byte[] {'f', 'i', 'x', ':', ' ', (byte) 0xE9, '\n'});
        Result l = desk("commits", "lint", "--message-file", latin1.toString());
        assertThat(l.code()).isEqualTo(2);
        assertThat(l.err()).contains("is not valid UTF-8");
        assertThat(desk("commits", "lint").code()).isEqualTo(2);
    }

    @Test
    void lintRepoListsEachOffendingCommitWithItsShortHash() {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
            repo.commit("feat: first");
            repo.tag("v1.0.0");
            String bad = repo.commit("added stuff");
            repo.commit("fix(api): good one");
            String worse = repo.commit("feat(): empty scope");
            Result r = desk("commits", "lint", "--repo", repo.dir().toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out().lines()).hasSize(2);
            assertThat(r.out().lines().toList().get(0)).startsWith(worse.substring(0, 7) + " feat(): empty scope: scope: ");
            assertThat(r.out().lines().toList().get(1)).startsWith(bad.substring(0, 7) + " added stuff: colon-space: ");
            Result range = desk("commits", "lint", "--repo", repo.dir().toString(), "--from", "HEAD~2", "--to", "HEAD~1");
            assertThat(range.code()).isZero();
        }
    }

    @Test
    void lintRepoBadInput() {
        Result notRepo = desk("commits", "lint", "--repo", dir.toString());
        assertThat(notRepo.code()).isEqualTo(2);
        assertThat(notRepo.err().strip()).isEqualTo("desk: " + dir + " is not a git repository");
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
            repo.commit("feat: first");
            Result unknown = desk("commits", "lint", "--repo", repo.dir().toString(), "--from", "nope");
            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.err().strip()).isEqualTo("desk: unknown revision \"nope\" in " + repo.dir());
            Result empty = desk("commits", "lint", "--repo", repo.dir().toString(), "--from", "HEAD", "--to", "HEAD");
            assertThat(empty.code()).isEqualTo(2);
            assertThat(empty.err().strip()).isEqualTo("desk: the range HEAD..HEAD is empty");
        }
    }
}
