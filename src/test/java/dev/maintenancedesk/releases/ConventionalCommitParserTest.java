package dev.maintenancedesk.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conventional Commits 1.0.0, rule by rule. */
class ConventionalCommitParserTest {

    private static ConventionalCommit ok(String message) {
        CommitMessage m = ConventionalCommitParser.parse(message);
        assertThat(m).as(message).isInstanceOf(ConventionalCommit.class);
        return (ConventionalCommit) m;
    }

    private static CommitMessage.Invalid bad(String message) {
        CommitMessage m = ConventionalCommitParser.parse(message);
        assertThat(m).as(message).isInstanceOf(CommitMessage.Invalid.class);
        return (CommitMessage.Invalid) m;
    }

    @Test
    void headerWithTypeScopeAndBang() {
        ConventionalCommit c = ok("feat(api)!: drop the v1 export");
        assertThat(c.type()).isEqualTo("feat");
        assertThat(c.scope()).isEqualTo("api");
        assertThat(c.breaking()).isTrue();
        assertThat(c.description()).isEqualTo("drop the v1 export");
        assertThat(c.body()).isNull();
        assertThat(c.footers()).isEmpty();
        assertThat(c.breakingChanges()).containsExactly("drop the v1 export");
    }

    @Test
    void typesAreCaseInsensitive() {
        assertThat(ok("FEAT: x").type()).isEqualTo("feat");
        assertThat(ok("Fix(Parser): x").scope()).isEqualTo("Parser");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "feat:add x|colon-space",
            "feat add x|colon-space",
            "feat :add x|colon-space",
            "feat : add x|colon-space",
            "feat|colon-space",
            "feat:|description",
            "'feat:   '|description",
            "feat():  x|scope",
            "feat( ): x|scope",
            "feat(api: x|scope",
            "feat(a)(b): x|scope",
            "feat !: x|bang-before-colon",
            "feat! : x|bang-before-colon",
            "feat!(api): x|bang-before-colon",
            "feat(api) !: x|bang-before-colon",
            "feat!!: x|bang-before-colon",
            "': x'|type",
            "(api): x|type",
            "1feat: x|type",
            "feat/api: x|type",
            "'feat:\tx'|colon-space"})
    void headerRules(String message, String rule) {
        assertThat(bad(message).rule().id()).isEqualTo(rule);
        assertThat(bad(message).error()).startsWith(rule + ": ");
    }

    @Test
    void errorsNameTheSpecificationRule() {
        assertThat(bad("feat:x").error()).endsWith("(Conventional Commits 1.0.0 rule 1)");
        assertThat(bad("feat(): x").error()).endsWith("(Conventional Commits 1.0.0 rule 4)");
        assertThat(bad("feat !: x").error()).endsWith("(Conventional Commits 1.0.0 rule 13)");
    }

    @Test
    void bodyBeginsOneBlankLineAfterTheDescription() {
        assertThat(bad("fix: x\nno blank line").rule()).isEqualTo(CommitRule.BODY_BLANK_LINE);
        ConventionalCommit c = ok("fix: x\n\nfirst paragraph\nstill first\n\nsecond paragraph");
        assertThat(c.body()).isEqualTo("first paragraph\nstill first\n\nsecond paragraph");
    }

    @Test
    void footersBothSeparators() {
        ConventionalCommit c = ok("fix: x\n\nbody\n\nReviewed-by: Z\nRefs #133\nCloses: #12");
        assertThat(c.body()).isEqualTo("body");
        assertThat(c.footers()).containsExactly(new Footer("Reviewed-by", "Z"), new Footer("Refs", "#133"),
                new Footer("Closes", "#12"));
    }

    @Test
    void footersRightAfterTheHeader() {
        ConventionalCommit c = ok("fix: x\n\nRefs: #1");
        assertThat(c.body()).isNull();
        assertThat(c.footers()).containsExactly(new Footer("Refs", "#1"));
    }

    @Test
    void tokensUseHyphensNotSpaces() {
        ConventionalCommit c = ok("fix: x\n\nAcked by: someone");
        assertThat(c.footers()).isEmpty();
        assertThat(c.body()).isEqualTo("Acked by: someone");
    }

    @Test
    void footerValueSpansLinesUntilTheNextFooter() {
        ConventionalCommit c = ok("feat: x\n\nBREAKING CHANGE: the config file\nmoved to /etc\n\n  and got renamed\nRefs: #7");
        assertThat(c.footers()).containsExactly(
                new Footer("BREAKING CHANGE", "the config file\nmoved to /etc\n\n  and got renamed"), new Footer("Refs", "#7"));
        assertThat(c.breaking()).isTrue();
        assertThat(c.breakingChanges()).containsExactly("the config file\nmoved to /etc\n\n  and got renamed");
    }

    @Test
    void breakingChangeMustBeUpperCaseAndHasAHyphenSynonym() {
        assertThat(ok("feat: x\n\nBREAKING-CHANGE: gone").breaking()).isTrue();
        ConventionalCommit lower = ok("feat: x\n\nbreaking change: gone");
        assertThat(lower.breaking()).isFalse();
        assertThat(lower.body()).isEqualTo("breaking change: gone");
        assertThat(lower.footers()).isEmpty();
        ConventionalCommit mixed = ok("feat: x\n\nBreaking-Change: gone");
        assertThat(mixed.breaking()).isFalse();
        assertThat(mixed.footers()).containsExactly(new Footer("Breaking-Change", "gone"));
    }

    @Test
    void crlfIsTolerated() {
        ConventionalCommit c = ok("feat(api)!: x\r\n\r\nbody line\r\n\r\nRefs: #12\r\n");
        assertThat(c.description()).isEqualTo("x");
        assertThat(c.body()).isEqualTo("body line");
        assertThat(c.footers()).containsExactly(new Footer("Refs", "#12"));
    }

    @Test
    void squashBodyWithHeaderLikeLinesIsOneCommit() {
        ConventionalCommit c = ok("feat(api): export (#42)\n\nfix: first\n\nfeat(ui): second\n\n* docs: third\n\nRefs: #42");
        assertThat(c.type()).isEqualTo("feat");
        assertThat(c.description()).isEqualTo("export (#42)");
        assertThat(c.body()).isEqualTo("fix: first\n\nfeat(ui): second\n\n* docs: third");
        assertThat(c.footers()).containsExactly(new Footer("Refs", "#42"));
        assertThat(c.breaking()).isFalse();
    }

    @Test
    void mergeAndRevertMessagesAreRecognised() {
        assertThat(ConventionalCommitParser.parse("Merge branch 'feature/x' into main")).isInstanceOf(CommitMessage.Merge.class);
        assertThat(ConventionalCommitParser.parse("Merge pull request #12 from a/b\n\nfeat: y"))
                .isInstanceOf(CommitMessage.Merge.class);
        CommitMessage r = ConventionalCommitParser.parse(
                "Revert \"feat: add x\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n");
        assertThat(r).isEqualTo(new CommitMessage.GitRevert("Revert \"feat: add x\"", "feat: add x",
                "0123456789abcdef0123456789abcdef01234567"));
        assertThat(ConventionalCommitParser.parse("fixup! feat: x")).isInstanceOf(CommitMessage.Autosquash.class);
    }

    @Test
    void emptyAndNul() {
        assertThat(bad("").rule()).isEqualTo(CommitRule.EMPTY);
        assertThat(bad("\n\n").rule()).isEqualTo(CommitRule.EMPTY);
        assertThat(bad("feat: a\0b").rule()).isEqualTo(CommitRule.NUL);
    }

    /**
     * Very long lines are read whole and answered exactly (no truncation, no give-up). How fast this is
     * belongs in bench/, not in a unit test (DESIGN §9): the parser is one linear pass without regular
     * expressions, so there is nothing to backtrack.
     */
    @Test
    void longInputIsParsedWhole() {
        String longLine = "a".repeat(200_000);
        CommitMessage.Invalid noColon = bad(longLine);
        assertThat(noColon.rule()).isEqualTo(CommitRule.COLON_SPACE);

        ConventionalCommit c = ok("feat: " + longLine + "\n\n" + (longLine + ": x\n").repeat(20));
        assertThat(c.type()).isEqualTo("feat");
        assertThat(c.description()).hasSize(200_000).isEqualTo(longLine);
        assertThat(c.body()).isNull();
        assertThat(c.footers()).hasSize(20).allSatisfy(f -> {
            assertThat(f.token()).isEqualTo(longLine);
            assertThat(f.value()).isEqualTo("x");
        });

        ConventionalCommit body = ok("fix: x\n\n" + (longLine + " ").repeat(10));
        assertThat(body.body()).hasSize(10 * 200_001 - 1).startsWith(longLine + " a").endsWith("a");
        assertThat(body.footers()).isEmpty();
    }

    @Test
    void footerHelpers() {
        ConventionalCommit c = ok("fix: x\n\nrefs: #1\nRefs: #2");
        assertThat(c.footerValues("Refs")).isEqualTo(List.of("#1", "#2"));
        assertThat(c.subject()).isEqualTo("fix: x");
    }
}
