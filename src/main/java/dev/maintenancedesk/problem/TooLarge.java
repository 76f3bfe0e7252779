package dev.maintenancedesk.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 413: a request body over the desk's limit for its kind (a JSON request, a webhook delivery). */
public final class TooLarge extends DeskProblem {

    public TooLarge(long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", List.of(limitBytes),
                "The request body is larger than the " + limitBytes + " bytes this endpoint accepts.",
                Map.of("limit", limitBytes));
    }
}
