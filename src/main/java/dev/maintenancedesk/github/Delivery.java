package dev.maintenancedesk.github;

import java.time.Instant;

/**
 * One webhook delivery as the desk stored it. {@code status}: PENDING (waiting for its first or next
 * attempt), DONE (applied), IGNORED (stored only: an event or action the desk does not act on, another
 * repository, an event older than the state already applied), FAILED (every attempt failed).
 */
public record Delivery(String id, String event, String action, Status status, int attempts, String error,
        Instant receivedAt, Instant processedAt) {

    public enum Status { PENDING, DONE, IGNORED, FAILED }
}
