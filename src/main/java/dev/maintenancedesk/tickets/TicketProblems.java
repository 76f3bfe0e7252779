package dev.maintenancedesk.tickets;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The ways a ticket operation is refused, as RFC 9457 problems. They are ErrorResponseExceptions so
 * that Spring MVC answers them as problem+json without a handler knowing this module.
 */
final class TicketProblems {

    private TicketProblems() {}

    static ErrorResponseException notFound(long number) {
        return problem(HttpStatus.NOT_FOUND, "ticket-not-found", "Ticket not found", "There is no ticket #" + number + ".");
    }

    static ErrorResponseException invalid(String field, String message) {
        ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message);
        detail.setProperty("field", field);
        detail.setProperty("errors", List.of(new FieldError(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }

    static ErrorResponseException invalid(List<FieldError> errors) {
        ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
        detail.setProperty("field", errors.getFirst().field());
        detail.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }

    static ErrorResponseException stale(long number, int current) {
        ProblemDetail detail = detail(HttpStatus.CONFLICT, "stale-version", "Ticket changed meanwhile",
                "Ticket #" + number + " was changed by someone else (now at version " + current
                        + "); reload it and apply your change again.");
        detail.setProperty("currentVersion", current);
        return new ErrorResponseException(HttpStatus.CONFLICT, detail, null);
    }

    static ErrorResponseException transitionNotAllowed(long number, TicketState from, TicketState to,
            List<TicketState> allowed) {
        ProblemDetail detail = detail(HttpStatus.CONFLICT, "transition-not-allowed", "Transition not allowed",
                "Ticket #" + number + " cannot go from " + from + " to " + to + ".");
        detail.setProperty("from", from);
        detail.setProperty("to", to);
        detail.setProperty("allowed", allowed);
        return new ErrorResponseException(HttpStatus.CONFLICT, detail, null);
    }

    static ErrorResponseException gateNotMet(long number, TicketState from, TicketState to, List<String> missing) {
        ProblemDetail detail = detail(HttpStatus.UNPROCESSABLE_CONTENT, "gate-not-met", "Requirements not met",
                "Ticket #" + number + " cannot go from " + from + " to " + to + " yet: missing "
                        + String.join(", ", missing) + ".");
        detail.setProperty("from", from);
        detail.setProperty("to", to);
        detail.setProperty("missing", missing);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, detail, null);
    }

    static ErrorResponseException forbidden(String message) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", message);
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String message) {
        return new ErrorResponseException(status, detail(status, slug, title, message), null);
    }

    private static ProblemDetail detail(HttpStatus status, String slug, String title, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setType(URI.create("/problems/" + slug));
        detail.setTitle(title);
        return detail;
    }

    /** One field at fault, as listed in a 400 problem's {@code errors}. */
    record FieldError(String field, String message) {}
}
