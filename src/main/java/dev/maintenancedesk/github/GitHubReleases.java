package dev.maintenancedesk.github;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Publishes the desk's release notes as the GitHub Release of a version tag (created, or updated when
 * the tag has one), through the outbox: a retry never creates a second release.
 */
@Service
public class GitHubReleases {

    private static final Pattern TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");

    private final GitHubSettings settings;
    private final GitHubOutbox outbox;
    private final OutboxDispatcher dispatcher;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    GitHubReleases(GitHubSettings settings, GitHubOutbox outbox, OutboxDispatcher dispatcher, JdbcClient jdbc,
            Clock clock, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What became of a publication: SENT, PENDING (GitHub busy: the outbox will retry) or FAILED. */
    public record Publication(String tag, String status, String error) {}

    /** Queues the release of {@code tag} with {@code notes}, and sends it now. */
    public Publication publish(String tag, String notes) {
        if (!settings.writesBack()) {
            throw InvalidInput.of(FieldError.of("DESK_GITHUB_TOKEN", "github-not-configured",
                    "set DESK_GITHUB_REPOSITORY and DESK_GITHUB_TOKEN to publish releases on GitHub"));
        }
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw InvalidInput.of(FieldError.of("tag", "version-tag", "must be a version tag like v1.4.0", tag));
        }
        String key = "release:" + settings.repository() + ":" + tag + ":" + Integer.toHexString(notes.hashCode());
        transaction.executeWithoutResult(s -> queue(settings.repository(), tag, notes, key, "desk"));
        dispatcher.dispatch();
        GitHubOutbox.Entry entry = outbox.byKey(key).orElseThrow();
        return new Publication(tag, entry.status(), entry.error());
    }

    /** Queues (in the caller's transaction) the release of {@code tag}, and records it for the KPIs. */
    void queue(String repository, String tag, String notes, String key, String source) {
        var body = Payloads.JSON.createObjectNode().put("tag_name", tag).put("name", tag)
                .put("body", GitHubText.clean(notes, 125_000)).put("draft", false).put("prerelease", false);
        outbox.enqueue(key, "release", "POST", GitHubClient.repo(repository, "/releases"), body);
        record(repository, tag, null, null, source);
    }

    void record(String repository, String tag, String sha, String url, String source) {
        jdbc.sql("""
                INSERT INTO github_releases (repository, tag, sha, url, source, published_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(repository, tag, sha, url, source,
                clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        if (sha != null || url != null) {
            jdbc.sql("UPDATE github_releases SET sha = COALESCE(?, sha), url = COALESCE(?, url) WHERE repository = ? AND tag = ?")
                    .params(sha, url, repository, tag).update();
        }
    }
}
