package dev.maintenancedesk.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Release notes and the changelog, byte for byte, in both languages: every section title, the deprecation and
 * removal lines, the empty release, links with and without a GitHub remote. The expected files were written
 * by the renderer before its texts moved to the message bundles.
 */
class ReleaseNotesRenderingTest {

    static final Plan PLAN = PlanLoader.loadDefault();
    static final String[] TYPES = {"feat", "fix", "security", "perf", "revert", "refactor", "docs", "test", "build",
            "ci", "style", "chore", "wip"};

    static GitCommit commit(int i, String message) {
        String id = String.format("%07x", 0xabc0000L + i) + "0".repeat(33);
        return new GitCommit(id, id.substring(0, 7), null, false, ConventionalCommitParser.parse(message));
    }

    static List<GitCommit> everyKind() {
        List<GitCommit> commits = new java.util.ArrayList<>();
        int i = 0;
        for (String type : TYPES) {
            commits.add(commit(i++, type + "(scope): a " + type + " change (#4" + i + ")\n\nRefs #7"));
        }
        commits.add(commit(i++, "feat!: new API\n\nBREAKING CHANGE: the old API is gone\nDeprecated: /api/v1/export use v2"));
        commits.add(commit(i++, "fix: drop it\n\nRemoved: ui.old-board the old board"));
        commits.add(commit(i++, "Revert \"feat: something\"\n\nThis reverts commit 1234567890123456789012345678901234567890."));
        commits.add(commit(i, "not conventional"));
        return commits;
    }

    static final TicketNotes TICKETS = n -> n == 7 ? Optional.of(new TicketNotes.TicketNote(7, "Seven", "Fixed seven"))
            : Optional.empty();

    static String render(String lang, boolean github) {
        String url = github ? "https://github.com/o/r" : null;
        ReleaseNotes notes = new ReleaseNotes(PLAN, lang, url, TICKETS);
        Release full = Release.of(Version.parse("1.4.0"), "v1.4.0", LocalDate.of(2026, 3, 10), everyKind());
        Release empty = Release.of(Version.parse("1.3.1"), "v1.3.1", LocalDate.of(2026, 3, 3), List.of());
        Release unreleased = Release.of(null, null, null, List.of(commit(99, "docs: readme")));
        return notes.notes(unreleased) + "\n----\n" + notes.changelog(List.of(full, empty));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void sameTextsAsBeforeTheBundles(String lang) {
        assertThat(render(lang, true)).isEqualTo(expected("release-notes-github-" + lang + ".md"));
        assertThat(render(lang, false)).isEqualTo(expected("release-notes-" + lang + ".md"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void sectionTitlesAreTheReleaseNotesTextsOfTheBundles(String lang) {
        Texts texts = Texts.in(lang);
        String notes = render(lang, false);
        for (String type : TYPES) {
            String key = "releases.notes.section." + (type.equals("wip") ? "other" : type);
            assertThat(notes).contains("\n### " + texts.get(key) + "\n\n- **scope:** a " + type + " change");
        }
        assertThat(notes).contains("\n### " + texts.get("releases.notes.breaking") + "\n",
                "\n### " + texts.get("releases.notes.deprecated") + "\n", texts.get("releases.notes.nothing"));
    }

    static String expected(String name) {
        try (InputStream in = ReleaseNotesRenderingTest.class.getResourceAsStream("/rendered/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing /rendered/" + name, e);
        }
    }
}
