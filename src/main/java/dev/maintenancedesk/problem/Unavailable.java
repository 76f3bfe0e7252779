package dev.maintenancedesk.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 503: the desk cannot serve the request now through no fault of the request (its database does not
 * answer). Nothing was changed; the same request may be sent again after {@code Retry-After} seconds.
 */
public final class Unavailable extends DeskProblem {

    public Unavailable(String code, String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, List.of(), detail, Map.of());
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
