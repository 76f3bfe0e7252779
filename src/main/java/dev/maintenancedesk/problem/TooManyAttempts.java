package dev.maintenancedesk.problem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 429: too many wrong attempts in a row (passwords); the answer says until when to wait, as a
 * {@code retryAfter} instant and a {@code Retry-After} header in seconds.
 */
public final class TooManyAttempts extends DeskProblem {

    public TooManyAttempts(String code, String detail, OffsetDateTime until, OffsetDateTime now, Object... args) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, List.of(args), detail, Map.of("retryAfter", until.toString()));
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
