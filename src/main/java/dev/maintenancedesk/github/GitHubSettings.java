package dev.maintenancedesk.github;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The GitHub settings ({@code DESK_GITHUB_*}): the webhook secret that signs every delivery, and the
 * REST API the desk writes back to ({@code apiUrl}, {@code repository} as {@code owner/name}, {@code token}).
 */
@Component
public class GitHubSettings {

    private final byte[] webhookSecret;
    private final URI apiUrl;
    private final String repository;
    private final String token;

    GitHubSettings(@Value("${DESK_GITHUB_WEBHOOK_SECRET:}") String webhookSecret,
            @Value("${DESK_GITHUB_API_URL:https://api.github.com}") String apiUrl,
            @Value("${DESK_GITHUB_REPOSITORY:}") String repository, @Value("${DESK_GITHUB_TOKEN:}") String token) {
        this.webhookSecret = webhookSecret.getBytes(StandardCharsets.UTF_8);
        String api = apiUrl.isBlank() ? "https://api.github.com" : apiUrl.strip();
        this.apiUrl = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
        this.repository = repository.isBlank() ? null : repository.strip();
        this.token = token.isBlank() ? null : token.strip();
    }

    byte[] webhookSecret() {
        return webhookSecret.clone();
    }

    boolean webhooksConfigured() {
        return webhookSecret.length > 0;
    }

    URI apiUrl() {
        return apiUrl;
    }

    /** {@code owner/name}, or null when no repository is configured (then every repository's deliveries apply). */
    public String repository() {
        return repository;
    }

    String token() {
        return token;
    }

    /** Whether the desk writes back to GitHub: a repository and a token are set. */
    public boolean writesBack() {
        return repository != null && token != null;
    }

    /** Whether a delivery about {@code fullName} concerns the configured repository. */
    boolean concerns(String fullName) {
        return repository == null || repository.equalsIgnoreCase(fullName);
    }
}
