package dev.maintenancedesk.postmortem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * When the incident started, was detected and ended (in the team's zone), and how many users it
 * affected; the duration is computed (start to end) and null while either is unknown.
 */
public record Impact(OffsetDateTime startedAt, OffsetDateTime detectedAt, OffsetDateTime endedAt,
        Integer usersAffected) {

    @JsonIgnore
    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    /** The duration in whole minutes, or null. */
    @JsonProperty("durationMinutes")
    public Long durationMinutes() {
        Duration d = duration();
        return d == null ? null : d.toMinutes();
    }

    /** What a page or the API sends: ISO instants with an offset, or local date-times in the team's zone. */
    public record Input(String startedAt, String detectedAt, String endedAt, String usersAffected) {}
}
