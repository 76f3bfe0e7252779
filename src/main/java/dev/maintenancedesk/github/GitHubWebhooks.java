package dev.maintenancedesk.github;

import org.springframework.stereotype.Component;

/** Checks that a delivery was signed with the desk's webhook secret ({@code DESK_GITHUB_WEBHOOK_SECRET}). */
@Component
public class GitHubWebhooks {

    private final GitHubSettings settings;

    GitHubWebhooks(GitHubSettings settings) {
        this.settings = settings;
    }

    /** False without a configured secret: an unsigned desk accepts no delivery. */
    public boolean signedBySecret(byte[] body, String signatureHeader) {
        return settings.webhooksConfigured() && WebhookSignature.verifies(settings.webhookSecret(), body, signatureHeader);
    }
}
