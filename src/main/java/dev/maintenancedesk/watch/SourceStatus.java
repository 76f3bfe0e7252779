package dev.maintenancedesk.watch;

import java.time.Instant;

/**
 * A source (or a dependency file) as the sources page shows it: {@code state} is {@code NEVER} (not fetched
 * yet), {@code OK}, {@code NOT_MODIFIED} (the last conditional GET answered 304) or {@code FAILING} with the
 * error (in English, and as a message key with its arguments for the page); {@code retryAfter} is when a server that asked us to wait (429) allows the next attempt.
 */
public record SourceStatus(String key, String name, String kind, String url, String state, String error,
        String errorMessageKey, String[] errorArgs, Instant lastAttempt, Instant lastSuccess, Instant retryAfter,
        int items) {

    public boolean failing() {
        return "FAILING".equals(state);
    }
}
