package dev.maintenancedesk.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of the desk, whatever module says it. Each kind carries a message code (for the UI's
 * bundles, {@code problem.<code>}) with its arguments, and an English detail for the API. Being an
 * {@link ErrorResponseException}, it renders as RFC 9457 problem+json even where no handler knows it;
 * the web module's handlers are the one place that renders it for the API and for pages.
 */
public abstract sealed class DeskProblem extends ErrorResponseException
        permits InvalidInput, NotFound, Conflict, Forbidden, RequirementsUnmet, Unauthenticated, TooManyAttempts,
        TooLarge, Unavailable {

    private final String code;
    private final List<Object> args;

    DeskProblem(HttpStatus status, String code, List<?> args, String detail, Map<String, Object> properties) {
        super(status, body(status, code, detail, properties), null);
        this.code = code;
        this.args = List.copyOf(args);
    }

    /** The message key suffix, e.g. {@code ticket-not-found}: the type URI is {@code /problems/<code>}. */
    public String code() {
        return code;
    }

    /** The values the translated message fills in, in order ({0}, {1}, …). */
    public List<Object> args() {
        return args;
    }

    /** The English sentence the API answers with. */
    public String detail() {
        return getBody().getDetail();
    }

    @Override
    public String getMessage() {
        return detail();
    }

    private static ProblemDetail body(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + code));
        body.setTitle(titleOf(status));
        properties.forEach(body::setProperty);
        return body;
    }

    static String titleOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Invalid request";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case FORBIDDEN -> "Forbidden";
            case UNAUTHORIZED -> "Authentication required";
            case UNPROCESSABLE_CONTENT -> "Requirements not met";
            case SERVICE_UNAVAILABLE -> "Service unavailable";
            default -> status.getReasonPhrase();
        };
    }
}
