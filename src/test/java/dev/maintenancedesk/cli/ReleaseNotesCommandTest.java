package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.releases.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desk release notes}, {@code desk changelog}, {@code desk release check} and the removal rule. */
class ReleaseNotesCommandTest {

    @TempDir
    Path dir;

    @Test
    void notesOfTheLatestTagInEnglish() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v1.0.0");
            String fix = repo.commit("fix(api): null export (#34)\n\nCloses #12");
            String brk = repo.commit("feat(api)!: drop v1\n\nBREAKING CHANGE: /api/v1 is gone\nDeprecated: csv-export use json");
            repo.commit("chore: deps");
            repo.tag("v2.0.0");
            Result r = desk("release", "notes", "--repo", repo.dir().toString(), "--lang", "en");
            assertThat(r.code()).isZero();
            String date = r.out().lines().findFirst().orElseThrow().substring("## 2.0.0 (".length(), "## 2.0.0 (".length() + 10);
            assertThat(r.out()).isEqualTo("## 2.0.0 (" + date + ")\n\n"
                    + "### ⚠ Breaking changes\n\n- **api:** /api/v1 is gone (" + brk.substring(0, 7) + ")\n\n"
                    + "### Features\n\n- **api:** drop v1 (" + brk.substring(0, 7) + ")\n\n"
                    + "### Bug fixes\n\n- **api:** null export (#12, PR #34) (" + fix.substring(0, 7) + ")\n\n"
                    + "### Chores\n\n- deps (" + r.out().lines().filter(l -> l.startsWith("- deps")).findFirst().orElseThrow()
                            .substring("- deps (".length()) + "\n\n"
                    + "### Deprecated\n\n- `csv-export` use json — removal allowed from 2.3.0 (window of 2026-03-03) ("
                    + brk.substring(0, 7) + ")\n");
        }
    }

    @Test
    void notesOfAnUnreleasedRangeInFrenchWithVersion() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: first");
            repo.tag("v1.0.0");
            repo.commit("feat: second");
            Result r = desk("release", "notes", "--repo", repo.dir().toString(), "--from", "v1.0.0", "--version", "1.1.0");
            assertThat(r.out()).startsWith("## 1.1.0 (").contains("### Nouveautés\n\n- second (");
            assertThat(desk("release", "notes", "--repo", repo.dir().toString()).out()).startsWith("## 1.1.0 (");
            Result empty = desk("release", "notes", "--repo", repo.dir().toString(), "--from", "HEAD");
            assertThat(empty.code()).isEqualTo(2);
            assertThat(empty.err().strip()).isEqualTo("desk: the range HEAD..HEAD is empty");
            assertThat(desk("release", "notes", "--repo", repo.dir().toString(), "--lang", "de").code()).isEqualTo(2);
        }
    }

    @Test
    void changelogListsEveryReleaseNewestFirst() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: one");
            repo.tag("v0.1.0");
            repo.commit("fix: two");
            repo.tag("v0.1.1", false);
            repo.commit("feat: three");
            Result r = desk("changelog", "--repo", repo.dir().toString(), "--lang", "en");
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("# Changelog\n");
            assertThat(r.out().lines().filter(l -> l.startsWith("## ")).map(l -> l.replaceAll(" \\(.*", "")))
                    .containsExactly("## Unreleased", "## 0.1.1", "## 0.1.0");
            assertThat(r.out()).contains("- three (", "- two (", "- one (");
        }
    }

    @Test
    void changelogSplitsMergedBranchesAndIgnoresTagsOutsideTheHistory() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: base");
            repo.tag("v1.0.0");
            repo.branch("topic");
            repo.commit("feat: on the branch");
            repo.checkout("main");
            repo.commit("fix: on main");
            repo.tag("v1.0.1");
            repo.branch("side");
            repo.commit("feat: never merged");
            repo.tag("v9.0.0");
            repo.checkout("main");
            repo.merge("topic");
            repo.tag("v1.1.0");
            repo.commit("docs: after");
            Result r = desk("changelog", "--repo", repo.dir().toString(), "--lang", "en");
            assertThat(r.code()).isZero();
            assertThat(r.out().lines().filter(l -> l.startsWith("## ") || l.startsWith("- ")).map(l -> l.replaceAll(" \\(.*", "")))
                    .containsExactly("## Unreleased", "- after", "## 1.1.0", "- on the branch", "## 1.0.1", "- on main",
                            "## 1.0.0", "- base");
        }
    }

    @Test
    void changelogOfAnUntaggedRepositoryIsOneUnreleasedSection() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: one");
            repo.commit("chore: two");
            Result r = desk("changelog", "--repo", repo.dir().toString(), "--lang", "en");
            assertThat(r.code()).isZero();
            assertThat(r.out().lines().filter(l -> l.startsWith("#")))
                    .containsExactly("# Changelog", "## Unreleased", "### Features", "### Chores");
        }
    }

    @Test
    void apiImpactRule() {
        try (GitFixture repo = GitFixture.init(dir)) {
            String base = repo.commit("chore: init", "README.md");
            String api = repo.commit("feat(api): new endpoint", "api/endpoints.py");
            repo.commit("docs: endpoint", "docs/api.md");
            Result r = desk("release", "check", "--repo", repo.dir().toString(), "--from", base, "--to", "HEAD");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out().strip()).isEqualTo(api.substring(0, 7) + " feat(api): new endpoint: touches the API without "
                    + "changelog (CHANGELOG.md) in " + base + "..HEAD");
            repo.commit("docs: changelog", "CHANGELOG.md");
            assertThat(desk("release", "check", "--repo", repo.dir().toString(), "--from", base, "--to", "HEAD").code()).isZero();
            assertThat(desk("release", "check", "--repo", repo.dir().toString(), "--from", "HEAD", "--to", "HEAD").code())
                    .isEqualTo(2);
        }
    }

    @Test
    void removalBeforeTheThirdMinorReleaseIsRejected() {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.commit("feat: export\n\nDeprecated: csv-export");
            repo.tag("v1.1.0");
            repo.commit("feat: a");
            repo.tag("v1.2.0");
            String early = repo.commit("feat!: drop csv\n\nRemoved: csv-export");
            Result r = desk("commits", "lint", "--repo", repo.dir().toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out().strip()).startsWith(early.substring(0, 7) + " feat!: drop csv: removal-delay: \"csv-export\" "
                    + "was deprecated in 1.1.0; removing it in the next release is only the 2nd");
        }
        try (GitFixture repo = GitFixture.init(dir.resolve("ok"))) {
            repo.commit("feat: export\n\nDeprecated: csv-export");
            repo.tag("v1.1.0");
            repo.commit("feat: a");
            repo.tag("v1.2.0");
            repo.commit("feat: b");
            repo.tag("v1.3.0");
            repo.commit("feat!: drop csv\n\nRemoved: csv-export");
            assertThat(desk("commits", "lint", "--repo", repo.dir().toString()).code()).isZero();
        }
    }
}
