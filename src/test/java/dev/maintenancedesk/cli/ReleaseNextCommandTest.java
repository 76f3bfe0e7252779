package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.releases.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desk release next} on real repositories built with JGit. */
class ReleaseNextCommandTest {

    @TempDir
    Path dir;

    private Result next(GitFixture repo, String date) {
        return desk("release", "next", "--repo", repo.dir().toString(), "--date", date, "--json");
    }

    @Test
    void featureShipsAsMinorInTheNextMinorWindow() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v1.2.3");
            repo.commit("fix: a bug");
            repo.commit("feat(api): export");
            repo.commit("chore: tidy");
            Result r = next(repo, "2026-03-10");
            assertThat(r.code()).isZero();
            assertThat(r.out().strip()).isEqualTo("{\"current\":\"1.2.3\",\"currentTag\":\"v1.2.3\",\"next\":\"1.3.0\","
                    + "\"nextTag\":\"v1.3.0\",\"bump\":\"MINOR\",\"window\":\"MAJOR\",\"windowDate\":\"2026-04-07\","
                    + "\"commits\":3,\"heldBack\":[],\"heldBackUntil\":null}");
            Result text = desk("release", "next", "--repo", repo.dir().toString(), "--date", "2026-03-10");
            assertThat(text.out()).isEqualTo("""
                    current: 1.2.3 (v1.2.3)
                    next: 1.3.0 (v1.3.0)
                    bump: MINOR
                    window: MAJOR
                    window date: 2026-04-07
                    """);
        }
    }

    @Test
    void fixShipsInAnyWindow() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("1.0.0");
            repo.commit("security: patch CVE");
            assertThat(next(repo, "2026-03-11").out()).contains("\"next\":\"1.0.1\"", "\"nextTag\":\"1.0.1\"",
                    "\"bump\":\"PATCH\"", "\"window\":\"PATCH\"", "\"windowDate\":\"2026-03-17\"");
        }
    }

    @Test
    void breakingChangesAreHeldBackForTheMajorWindow() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v2.0.0");
            String breaking = repo.commit("feat(api)!: drop v1\n\nBREAKING CHANGE: /api/v1 is gone");
            repo.commit("fix: bug");
            Result r = next(repo, "2026-04-08");
            assertThat(r.out()).contains("\"next\":\"2.0.1\"", "\"bump\":\"PATCH\"", "\"windowDate\":\"2026-04-14\"",
                    "\"heldBack\":[{\"commit\":\"" + breaking.substring(0, 7) + "\",\"subject\":\"feat(api)!: drop v1\","
                            + "\"breakingChanges\":[\"/api/v1 is gone\"]}]", "\"heldBackUntil\":\"2026-07-07\"");
            Result text = desk("release", "next", "--repo", repo.dir().toString(), "--date", "2026-04-08");
            assertThat(text.out()).contains("held back for the MAJOR window of 2026-07-07:\n  " + breaking.substring(0, 7));
            // on the eve of a MAJOR window nothing is held back
            assertThat(next(repo, "2026-07-01").out()).contains("\"next\":\"3.0.0\"", "\"bump\":\"MAJOR\"",
                    "\"windowDate\":\"2026-07-07\"", "\"heldBack\":[]");
        }
    }

    @Test
    void beforeOneBreakingChangesBumpMinor() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v0.3.1");
            repo.commit("feat!: new API");
            assertThat(next(repo, "2026-01-02").out()).contains("\"next\":\"0.4.0\"", "\"bump\":\"MINOR\"",
                    "\"windowDate\":\"2026-01-06\"", "\"heldBack\":[]");
        }
    }

    @Test
    void withoutTagsTheFirstReleaseStartsFromZero() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("fix: first");
            assertThat(next(repo, "2026-01-02").out()).contains("\"current\":null", "\"next\":\"0.0.1\"", "\"nextTag\":\"v0.0.1\"");
        }
    }

    @Test
    void noReleasableCommit() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v1.0.0");
            repo.commit("docs: readme");
            repo.commit("chore: deps");
            Result r = desk("release", "next", "--repo", repo.dir().toString(), "--date", "2026-01-02");
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("current: 1.0.0 (v1.0.0)\nnext: none (no releasable commit since v1.0.0)\n");
            assertThat(next(repo, "2026-01-02").out()).contains("\"next\":null", "\"bump\":\"NONE\"", "\"window\":null");
        }
    }

    @Test
    void aRevertCancelsTheRevertedCommitInTheRange() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v1.0.0");
            String feat = repo.commit("feat: risky");
            repo.commit("Revert \"feat: risky\"\n\nThis reverts commit " + feat + ".\n");
            repo.commit("fix: small");
            assertThat(next(repo, "2026-01-02").out()).contains("\"next\":\"1.0.1\"", "\"commits\":1");
            // a revert of something already released is a PATCH
            repo.tag("v1.0.1");
            repo.commit("revert: risky feature\n\nRefs: " + feat.substring(0, 8));
            assertThat(next(repo, "2026-01-02").out()).contains("\"next\":\"1.0.2\"", "\"bump\":\"PATCH\"");
        }
    }

    @Test
    void mergeCommitsCountTheirBranches() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v1.0.0");
            repo.branch("topic");
            repo.commit("feat(ui): board");
            repo.checkout("main");
            repo.commit("fix: on main");
            repo.merge("topic");
            assertThat(next(repo, "2026-01-02").out()).contains("\"next\":\"1.1.0\"", "\"commits\":3");
        }
    }

    @Test
    void theHighestReachableTagWinsWhateverTheTagOrder() {
        try (GitFixture repo = GitFixture.init(dir)) {
            String first = repo.commit("feat: first");
            repo.commit("feat: second");
            repo.tag("v1.4.0");
            repo.tagAt("v2.0.0", first); // a higher version on an older commit
            repo.branch("other");
            repo.commit("feat: elsewhere");
            repo.tag("v9.0.0"); // not reachable from main
            repo.checkout("main");
            repo.commit("fix: x");
            assertThat(next(repo, "2026-01-02").out()).contains("\"current\":\"2.0.0\"", "\"next\":\"2.0.1\"", "\"commits\":1");
        }
    }

    @Test
    void badInput() {
        Result notRepo = desk("release", "next", "--repo", dir.toString());
        assertThat(notRepo.code()).isEqualTo(2);
        assertThat(notRepo.err().strip()).isEqualTo("desk: " + dir + " is not a git repository");
        try (GitFixture repo = GitFixture.init(dir.resolve("r"))) {
            Result empty = desk("release", "next", "--repo", repo.dir().toString());
            assertThat(empty.code()).isEqualTo(2);
            assertThat(empty.err().strip()).isEqualTo("desk: the repository " + repo.dir() + " has no commit yet");
            repo.commit("feat: x");
            Result date = desk("release", "next", "--repo", repo.dir().toString(), "--date", "2026-13-01");
            assertThat(date.code()).isEqualTo(2);
            assertThat(date.err().strip()).isEqualTo("desk: \"2026-13-01\" is not a date YYYY-MM-DD");
            Result rev = desk("release", "next", "--repo", repo.dir().toString(), "--to", "v7");
            assertThat(rev.err().strip()).isEqualTo("desk: unknown revision \"v7\" in " + repo.dir());
        }
    }
}
