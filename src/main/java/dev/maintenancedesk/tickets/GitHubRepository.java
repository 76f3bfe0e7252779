package dev.maintenancedesk.tickets;

import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository the team works on, as the settings name it ({@code DESK_GITHUB_API_URL},
 * {@code DESK_GITHUB_REPOSITORY}): a pull-request link must point into it when it is set. {@code host}
 * is the web host of the API (api.github.com → github.com; GitHub Enterprise: the API URL's host);
 * {@code repository} is {@code owner/name}, or null when not set (then any repository is accepted).
 */
public record GitHubRepository(String host, String repository) {

    static final GitHubRepository ANY = new GitHubRepository(null, null);

    static GitHubRepository of(String apiUrl, String repository) {
        if (repository == null || repository.isBlank()) {
            return ANY;
        }
        String host = "github.com";
        if (apiUrl != null && !apiUrl.isBlank()) {
            try {
                String h = URI.create(apiUrl.strip()).getHost();
                if (h != null) {
                    host = h.toLowerCase(Locale.ROOT).equals("api.github.com") ? "github.com" : h.toLowerCase(Locale.ROOT);
                }
            } catch (IllegalArgumentException e) {
                // a malformed setting: keep github.com
            }
        }
        return new GitHubRepository(host, repository.strip());
    }

    /** Whether a pull-request URL's host and {@code owner/name} are this repository's. */
    boolean accepts(String host, String ownerAndName) {
        return repository == null
                || (this.host.equalsIgnoreCase(host) && repository.equalsIgnoreCase(ownerAndName));
    }

    /** What a refusal shows as the expected form. */
    String example() {
        return repository == null ? "https://github.com/OWNER/REPO/pull/N" : "https://" + host + "/" + repository + "/pull/N";
    }

    @Configuration(proxyBeanMethods = false)
    static class Settings {
        @Bean
        GitHubRepository gitHubRepository(@Value("${DESK_GITHUB_API_URL:}") String apiUrl,
                @Value("${DESK_GITHUB_REPOSITORY:}") String repository) {
            return GitHubRepository.of(apiUrl, repository);
        }
    }
}
