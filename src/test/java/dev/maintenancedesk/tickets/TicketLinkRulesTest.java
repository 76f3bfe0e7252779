package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one rule for link targets: pull requests into the configured repository or #N, commits as hashes. */
class TicketLinkRulesTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "PULL_REQUEST | https://github.com/cesizen/api/pull/42 | ",
            "PULL_REQUEST | #7 | ",
            "PULL_REQUEST | pas une url | pull-request-link",
            "PULL_REQUEST | https://github.com/cesizen/api/issues/42 | pull-request-link",
            "PULL_REQUEST | http://github.com/cesizen/api/pull/42 | pull-request-link",
            "PULL_REQUEST | https://github.com/cesizen/api/pull/0 | pull-request-link",
            "PULL_REQUEST | #0 | pull-request-link",
            "PULL_REQUEST | javascript:alert(1)//pull/1 | pull-request-link",
            "COMMIT | abcdef1 | ",
            "COMMIT | 0123456789abcdef0123456789ABCDEF01234567 | ",
            "COMMIT | abcde1 | commit-link",
            "COMMIT | 0123456789abcdef0123456789abcdef012345678 | commit-link",
            "COMMIT | zzz pas un hash | commit-link",
            "RELATES_TO | #3 | ",
    })
    void withoutSettingsAnyRepositoryIsAccepted(LinkKind kind, String target, String code) {
        var problem = new TicketLink(kind, target, false).problem(GitHubRepository.ANY);
        if (code == null) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.field()).isEqualTo("target");
        }
    }

    @Test
    void theSettingsNameTheHostAndTheRepository() {
        GitHubRepository github = GitHubRepository.of("https://api.github.com", "cesizen/api");
        assertThat(github).isEqualTo(new GitHubRepository("github.com", "cesizen/api"));
        assertThat(new TicketLink(LinkKind.PULL_REQUEST, "https://github.com/cesizen/api/pull/3", false).problem(github)).isNull();
        assertThat(new TicketLink(LinkKind.PULL_REQUEST, "https://github.com/someone/else/pull/3", false).problem(github))
                .isNotNull();
        assertThat(new TicketLink(LinkKind.PULL_REQUEST, "https://gitlab.com/cesizen/api/pull/3", false).problem(github))
                .isNotNull();
        assertThat(new TicketLink(LinkKind.PULL_REQUEST, "#3", false).problem(github)).isNull();
        var refused = new TicketLink(LinkKind.PULL_REQUEST, "x", false).problem(github);
        assertThat(refused.args()).containsExactly("https://github.com/cesizen/api/pull/N");

        GitHubRepository enterprise = GitHubRepository.of("https://ghe.example.test/api/v3", "team/app");
        assertThat(enterprise.host()).isEqualTo("ghe.example.test");
        assertThat(new TicketLink(LinkKind.PULL_REQUEST, "https://ghe.example.test/team/app/pull/9", false)
                .problem(enterprise)).isNull();
        assertThat(GitHubRepository.of("https://api.github.com", "")).isEqualTo(GitHubRepository.ANY);
        assertThat(GitHubRepository.of("::not a url", "a/b").host()).isEqualTo("github.com");
    }
}
