package dev.maintenancedesk.watch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The watch's HTTP: every request bounded in time (connect and whole-answer timeouts), a size cap on bodies,
 * conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from the last answer's ETag and
 * Last-Modified), and a 429 or 503 answer turned into a {@link Failure} carrying the instant its
 * {@code Retry-After} (seconds or an HTTP date) allows the next attempt.
 */
final class SourceHttp {

    static final int MAX_BODY = 20 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    SourceHttp(Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** An answer: 200 with its body and validators, or 304 (nothing new). */
    record Answer(int status, byte[] body, String etag, String lastModified) {
        boolean notModified() {
            return status == 304;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A fetch that did not work; {@code retryAfter} is set when the server said when to come back. */
    static final class Failure extends Exception {
        final Instant retryAfter;
        /** The message key under {@code watch.error.} and its arguments: what the sources page shows. */
        final String code;
        final List<String> args;

        Failure(String code, String message, Instant retryAfter, Object... args) {
            super(message);
            this.retryAfter = retryAfter;
            this.code = code;
            this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
        }

        Failure(String code, String message, Object... args) {
            this(code, message, null, args);
        }
    }

    Answer get(URI uri, String etag, String lastModified, Map<String, String> headers) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        headers.forEach(request::header);
        return send(request, uri);
    }

    Answer postJson(URI uri, String json) throws Failure {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), uri);
    }

    private Answer send(HttpRequest.Builder request, URI uri) throws Failure {
        request.header("User-Agent", "maintenance-desk-watch/1 (+https://github.com/)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/json, application/xml;q=0.9, */*;q=0.8");
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Failure("timeout", "no answer within " + timeout.toSeconds() + " s (timed out)", timeout.toSeconds());
        } catch (ConnectException e) {
            throw new Failure("connect", "cannot connect to " + uri.getHost() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    uri.getHost());
        } catch (IOException e) {
            String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
            throw new Failure("network", "network error: " + detail, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", "interrupted");
        }
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (HttpTimeoutException e) {
            throw new Failure("timeout", "the answer did not finish within " + timeout.toSeconds() + " s (timed out)",
                    timeout.toSeconds());
        } catch (IOException e) {
            throw new Failure("network", "the answer broke off: " + e.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
        if (status == 304) {
            return new Answer(304, new byte[0], header(response, "ETag"), header(response, "Last-Modified"));
        }
        if (status == 429 || status == 503) {
            Instant after = retryAfter(header(response, "Retry-After"));
            throw new Failure(after == null ? "busy" : "busyUntil", "HTTP " + status
                    + (status == 429 ? " (too many requests)" : " (unavailable)"), after, status);
        }
        if (status < 200 || status > 299) {
            throw new Failure("http", "HTTP " + status, status);
        }
        if (body.length > MAX_BODY) {
            throw new Failure("tooLarge", "the answer is larger than " + MAX_BODY / (1024 * 1024) + " MB", MAX_BODY / (1024 * 1024));
        }
        return new Answer(status, body, header(response, "ETag"), header(response, "Last-Modified"));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** {@code Retry-After} is delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
    Instant retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return clock.instant().plusSeconds(Long.parseLong(v));
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Optional<URI> uri(String text) {
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
