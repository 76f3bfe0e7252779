package dev.maintenancedesk.releases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void tagsWithOrWithoutV() {
        assertThat(Version.fromTag("v1.2.3")).contains(new Version(1, 2, 3));
        assertThat(Version.fromTag("10.0.11")).contains(new Version(10, 0, 11));
        assertThat(Version.fromTag("v1.2")).isEmpty();
        assertThat(Version.fromTag("v1.2.3-rc.1")).isEmpty();
        assertThat(Version.fromTag("v01.2.3")).isEmpty();
        assertThat(Version.fromTag("release-1.2.3")).isEmpty();
    }

    @Test
    void bumpsAndOrder() {
        Version v = new Version(1, 2, 3);
        assertThat(v.bump(Bump.MAJOR)).hasToString("2.0.0");
        assertThat(v.bump(Bump.MINOR)).hasToString("1.3.0");
        assertThat(v.bump(Bump.PATCH)).hasToString("1.2.4");
        assertThat(new Version(1, 10, 0)).isGreaterThan(new Version(1, 9, 9));
    }

    @Test
    void bumpPerMessageBeforeAndAfterOne() {
        Version one = new Version(1, 0, 0);
        Version zero = new Version(0, 4, 0);
        assertThat(Bump.of(ConventionalCommitParser.parse("feat!: x"), one)).isEqualTo(Bump.MAJOR);
        assertThat(Bump.of(ConventionalCommitParser.parse("feat!: x"), zero)).isEqualTo(Bump.MINOR);
        assertThat(Bump.of(ConventionalCommitParser.parse("fix: x\n\nBREAKING CHANGE: y"), zero)).isEqualTo(Bump.MINOR);
        assertThat(Bump.of(ConventionalCommitParser.parse("feat: x"), zero)).isEqualTo(Bump.MINOR);
        for (String t : new String[] {"fix", "security", "perf", "revert"}) {
            assertThat(Bump.of(ConventionalCommitParser.parse(t + ": x"), one)).isEqualTo(Bump.PATCH);
            assertThat(Bump.of(ConventionalCommitParser.parse(t + ": x"), zero)).isEqualTo(Bump.PATCH);
        }
        for (String t : new String[] {"chore", "docs", "refactor", "test", "build", "ci", "style"}) {
            assertThat(Bump.of(ConventionalCommitParser.parse(t + ": x"), one)).isEqualTo(Bump.NONE);
        }
        assertThat(Bump.of(ConventionalCommitParser.parse("Merge branch 'x'"), one)).isEqualTo(Bump.NONE);
    }
}
