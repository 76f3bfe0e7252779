package dev.maintenancedesk.backlog;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket of the review's scope as the ordering sees it: its scores (null while not given), when it was
 * opened (the tie-break: older first), and the tickets of the scope it blocks.
 */
record Candidate(long number, Instant createdAt, Integer value, Integer risk, Set<Long> blocks) {

    Candidate {
        blocks = Set.copyOf(blocks);
    }
}
