package dev.maintenancedesk.github;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST API ({@code DESK_GITHUB_API_URL}, GitHub Enterprise included) through {@link HttpClient}:
 * bounded timeouts; retries with exponential back-off and jitter on network errors and 5xx; the rate
 * limits honoured ({@code X-RateLimit-Remaining: 0} waits until {@code X-RateLimit-Reset},
 * {@code Retry-After} is obeyed, a secondary limit without it waits a minute); a wait longer than
 * {@link #MAX_WAIT} is not slept (nor is a POST that failed on the way sent again here) but handed back ({@link Unavailable#retryAt}) so that the outbox tries
 * later; conditional GETs with the {@code ETag} of the last answer; pages followed through {@code Link}.
 */
@Component
class GitHubClient {

    private static final Logger log = LoggerFactory.getLogger(GitHubClient.class);
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    private static final int ATTEMPTS = 4;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final GitHubSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Cache<String, Cached> etags = Caffeine.newBuilder().maximumSize(2000).build();

    GitHubClient(GitHubSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private record Cached(String etag, JsonNode body) {}

    /** GitHub cannot be reached or asks to wait longer than the desk waits in line: try again at {@code retryAt}. */
    static final class Unavailable extends RuntimeException {
        private final Instant retryAt;

        Unavailable(String message, Instant retryAt) {
            super(message);
            this.retryAt = retryAt;
        }

        Instant retryAt() {
            return retryAt;
        }
    }

    /** GitHub refused the request itself (4xx other than the rate limits): retrying it would change nothing. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** A path under {@code /repos/OWNER/NAME} of {@code repository}. */
    static String repo(String repository, String rest) {
        return "/repos/" + repository + rest;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    /** Every item of a list, following the {@code Link: rel="next"} pages. */
    List<JsonNode> getAll(String path, java.util.function.IntConsumer progress) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        while (next != null) {
            Answer answer = send("GET", next, null);
            if (!answer.ok()) {
                throw new Refused(answer.status(), "GET " + next + " answered " + answer.status());
            }
            answer.body().forEach(items::add);
            if (progress != null) {
                progress.accept(items.size());
            }
            next = next(answer.headers()).orElse(null);
        }
        return items;
    }

    Optional<String> next(java.net.http.HttpHeaders headers) {
        return headers.firstValue("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    /**
     * Sends one request (retrying what may be retried) and returns GitHub's answer, 2xx, 304 turned into
     * the cached answer, or 4xx (404, 422: the caller decides); throws {@link Unavailable} when it could not.
     */
    Answer send(String method, String pathOrUrl, JsonNode body) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(settings.apiUrl() + pathOrUrl);
        String cacheKey = uri.toString();
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", "maintenance-desk");
            if (settings.token() != null) {
                request.header("Authorization", "Bearer " + settings.token());
            }
            Cached cached = method.equals("GET") ? etags.getIfPresent(cacheKey) : null;
            if (cached != null) {
                request.header("If-None-Match", cached.etag());
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(Payloads.JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                waitOrGiveUp(retriable(method, attempt), backoff(attempt), method + " " + uri.getPath() + ": " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted", clock.instant().plusSeconds(10));
            }
            int status = response.statusCode();
            if (status == 304 && cached != null) {
                return new Answer(200, cached.body(), response.headers());
            }
            Duration limited = rateLimited(response);
            if (limited != null) {
                waitOrGiveUp(attempt, limited, method + " " + uri.getPath() + ": rate limited (" + status + ")");
                continue;
            }
            if (status >= 500) {
                waitOrGiveUp(retriable(method, attempt), backoff(attempt), method + " " + uri.getPath() + ": " + status);
                continue;
            }
            JsonNode json = response.body().length == 0 ? Payloads.JSON.nullNode()
                    : Payloads.JSON.readTree(response.body());
            if (method.equals("GET") && status == 200) {
                response.headers().firstValue("ETag").ifPresent(tag -> etags.put(cacheKey, new Cached(tag, json)));
            }
            return new Answer(status, json, response.headers());
        }
    }

    /**
     * A POST that failed on the way may still have been applied: it is not repeated here but handed
     * back to the outbox, which checks before sending it again.
     */
    private static int retriable(String method, int attempt) {
        return method.equals("POST") ? ATTEMPTS : attempt;
    }

    /** How long GitHub asks to wait, or null when the answer is not a rate limit. */
    private Duration rateLimited(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return null;
        }
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip())));
            } catch (NumberFormatException e) {
                return Duration.ofMinutes(1);
            }
        }
        if (response.headers().firstValue("X-RateLimit-Remaining").map(String::strip).filter("0"::equals).isPresent()) {
            long reset = response.headers().firstValue("X-RateLimit-Reset").map(String::strip).map(Long::parseLong)
                    .orElse(clock.instant().getEpochSecond() + 60);
            return Duration.ofSeconds(Math.max(1, reset - clock.instant().getEpochSecond() + 1));
        }
        String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        if (status == 429 || text.contains("secondary rate limit") || text.contains("abuse")) {
            return Duration.ofMinutes(1);
        }
        return null;
    }

    private void waitOrGiveUp(int attempt, Duration wait, String what) {
        if (attempt >= ATTEMPTS || wait.compareTo(MAX_WAIT) > 0) {
            throw new Unavailable(what, clock.instant().plus(wait.compareTo(Duration.ofSeconds(30)) < 0
                    ? Duration.ofSeconds(30) : wait));
        }
        log.debug("GitHub: {}; retrying in {}", what, wait);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", clock.instant().plusSeconds(10));
        }
    }

    private static Duration backoff(int attempt) {
        long base = 250L << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
