package dev.maintenancedesk.github;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the outbox: each queued call is claimed by one instance (a conditional update), sent, and
 * marked SENT; GitHub unavailable or rate limited → tried again when it says (or with back-off), up to
 * {@link #MAX_ATTEMPTS}; refused (4xx) → FAILED with GitHub's answer. A POST that is not idempotent
 * (a comment) carries a marker that is looked for before it is sent again, so a retry after a lost
 * answer never posts it twice; a release is looked up by its tag and updated rather than created twice.
 */
@Component
public class OutboxDispatcher extends WakeableLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_ATTEMPTS = 10;
    static final Pattern MARKER = Pattern.compile("<!-- maintenance-desk:[a-z]+:[0-9A-Za-z._-]+ -->");
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final GitHubOutbox outbox;
    private final GitHubClient client;
    private final Clock clock;

    OutboxDispatcher(GitHubOutbox outbox, GitHubClient client, Clock clock,
            @Value("${desk.github.outbox.enabled:${desk.scheduling.enabled:true}}") boolean local) {
        super("github-outbox", Duration.ofSeconds(5), local, log);
        this.outbox = outbox;
        this.client = client;
        this.clock = clock;
        outbox.onCommit(this::wake);
    }

    /** Sends every call due now; returns how many were attempted. */
    public int dispatch() {
        int attempted = 0;
        while (true) {
            List<Long> due = outbox.due(clock.instant(), 100);
            int claimed = 0;
            for (long id : due) {
                if (send(id)) {
                    claimed++;
                }
            }
            attempted += claimed;
            if (due.isEmpty() || claimed == 0) {
                return attempted;
            }
        }
    }

    boolean send(long id) {
        Instant now = clock.instant();
        if (!outbox.claim(id, now, now.plus(CLAIM))) {
            return false;
        }
        GitHubOutbox.Entry entry = outbox.find(id).orElseThrow();
        try {
            JsonNode body = entry.body() == null ? null : Payloads.JSON.readTree(entry.body());
            GitHubClient.Answer answer = switch (entry.kind()) {
                case "comment" -> comment(entry, body);
                case "release" -> release(entry, (ObjectNode) body);
                default -> client.send(entry.method(), entry.path(), body);
            };
            if (answer.ok()) {
                outbox.sent(id, answer.status());
            } else {
                outbox.failed(id, answer.status(), "GitHub answered " + answer.status() + ": "
                        + answer.body().path("message").asString(""), null);
            }
        } catch (GitHubClient.Unavailable e) {
            Instant next = entry.attempts() >= MAX_ATTEMPTS ? null : e.retryAt();
            outbox.failed(id, null, e.getMessage(), next);
        } catch (RuntimeException e) {
            log.warn("GitHub outbox call {} failed: {}", entry.key(), e.toString());
            Instant next = entry.attempts() >= MAX_ATTEMPTS ? null
                    : clock.instant().plus(Duration.ofSeconds(30L << Math.min(entry.attempts(), 8)));
            outbox.failed(id, null, e.toString(), next);
        }
        return true;
    }

    /** A comment: on a retry, first look for the marker among the comments (the POST may have landed). */
    private GitHubClient.Answer comment(GitHubOutbox.Entry entry, JsonNode body) {
        Matcher marker = MARKER.matcher(body.path("body").asString(""));
        if (entry.attempts() > 1 && marker.find()) {
            String wanted = marker.group();
            for (JsonNode existing : client.getAll(entry.path() + "?per_page=100", null)) {
                if (existing.path("body").asString("").contains(wanted)) {
                    return new GitHubClient.Answer(200, existing, null);
                }
            }
        }
        return client.send("POST", entry.path(), body);
    }

    /** A release: updated if its tag has one, created otherwise. */
    private GitHubClient.Answer release(GitHubOutbox.Entry entry, ObjectNode body) {
        String tag = body.path("tag_name").asString();
        GitHubClient.Answer existing = client.get(entry.path() + "/tags/" + tag);
        if (existing.ok()) {
            ObjectNode update = body.deepCopy();
            update.remove("tag_name");
            return client.send("PATCH", entry.path() + "/" + existing.body().path("id").asLong(), update);
        }
        if (existing.status() != 404) {
            return existing;
        }
        return client.send("POST", entry.path(), body);
    }

    @Override
    void work() {
        dispatch();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "desk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Sweep {
        @Bean
        RecurringTask<Void> githubOutboxSweep(OutboxDispatcher dispatcher) {
            return Tasks.recurring("github-outbox", FixedDelay.ofSeconds(30)).execute((instance, context) -> dispatcher.dispatch());
        }
    }
}
