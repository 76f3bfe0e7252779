package dev.maintenancedesk.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every module as RFC 9457 problem+json. Bad input names the field at fault
 * ({@code field}, and {@code errors} for several); nothing ever carries a stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException cause = jacksonCause(ex);
        String field = cause == null ? null : path(cause);
        String message;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field (accepted: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")) + ")";
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "\"" + invalid.getValue() + "\" is not one of " + Arrays.stream(invalid.getTargetType()
                    .getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + describe(mismatch.getTargetType());
        } else if (cause != null) {
            message = "malformed JSON" + (cause.getLocation() == null ? "" : " at line "
                    + cause.getLocation().getLineNr() + ", column " + cause.getLocation().getColumnNr());
        } else {
            message = "a JSON body is required";
        }
        return badRequest(field == null ? List.of(new Problem(null, message)) : List.of(new Problem(field, message)),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problem(e.getField(), e.getDefaultMessage()))
                .toList();
        if (problems.isEmpty()) {
            problems = ex.getBindingResult().getGlobalErrors().stream()
                    .map(e -> new Problem(null, e.getDefaultMessage())).toList();
        }
        return badRequest(problems, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem> problems = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new Problem(
                        e instanceof FieldError fe ? fe.getField() : r.getMethodParameter().getParameterName(),
                        e.getDefaultMessage())))
                .toList();
        return badRequest(problems, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String message = type != null && type.isEnum()
                ? "\"" + ex.getValue() + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", "))
                : "\"" + ex.getValue() + "\" is not " + describe(type);
        return badRequest(List.of(new Problem(field, message)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(new Problem(ex.getParameterName(), "is required")), headers, request);
    }

    /** A bug, not bad input: logged with its trace here, answered without one. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex;
        }
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        if (request instanceof ServletWebRequest servlet && BrowserErrorPages.wantsPage(servlet.getRequest())) {
            // A person at a browser gets the 500 page (through the container's error dispatch), not JSON.
            throw ex;
        }
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        detail.setType(URI.create("/problems/internal-error"));
        return createResponseEntity(detail, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> badRequest(List<Problem> problems, HttpHeaders headers, WebRequest request) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problems.stream()
                .map(p -> p.field() == null ? p.message() : p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        detail.setType(URI.create("/problems/invalid-request"));
        detail.setTitle("Invalid request");
        problems.stream().map(Problem::field).filter(f -> f != null).findFirst()
                .ifPresent(f -> detail.setProperty("field", f));
        detail.setProperty("errors", problems.stream()
                .map(p -> p.field() == null ? Map.of("message", p.message()) : Map.of("field", p.field(), "message", p.message()))
                .toList());
        return createResponseEntity(detail, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    /** The JSON path of the offending value, e.g. {@code labels[2]} or {@code fields.impact}. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private record Problem(String field, String message) {}
}
