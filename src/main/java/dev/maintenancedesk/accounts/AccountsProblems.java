package dev.maintenancedesk.accounts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Errors of the accounts API as problem+json that name the offending fields in {@code errors}
 * ({@code [{"field":"role","message":"…"}]}), so that a script or a form can point at them.
 * Ordered first so that it wins over the application-wide problem handler for these controllers.
 */
@RestControllerAdvice(assignableTypes = {MeController.class, UsersController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountsProblems {

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        return badRequest(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList());
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = cause(e, JacksonException.class);
        String field = jackson == null ? null : jackson.getPath().stream()
                .map(JacksonException.Reference::getPropertyName).filter(Objects::nonNull)
                .collect(Collectors.joining("."));
        if (field == null || field.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
            return problem;
        }
        String message;
        if (jackson instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (jackson instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else {
            message = "has the wrong type";
        }
        return badRequest(List.of(new FieldProblem(field, message)));
    }

    /** Domain checks report "field: message" (see {@link Users}). */
    @ExceptionHandler
    ProblemDetail illegal(IllegalArgumentException e) {
        String text = Objects.requireNonNullElse(e.getMessage(), "invalid value");
        int colon = text.indexOf(": ");
        return colon > 0 && text.substring(0, colon).matches("[A-Za-z.]+")
                ? badRequest(List.of(new FieldProblem(text.substring(0, colon), text.substring(colon + 2))))
                : ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text);
    }

    @ExceptionHandler
    ProblemDetail conflict(AccountConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownUserException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    record FieldProblem(String field, String message) {}

    private static ProblemDetail badRequest(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", errors);
        problem.setProperties(properties);
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
