package dev.maintenancedesk.web;

import dev.maintenancedesk.problem.DeskProblem;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.Unavailable;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindException;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a refused request means in the desk's vocabulary, whoever renders it: Spring MVC and Jackson
 * refuse bad input with their own exceptions, whose messages name Java types ({@code [Ljava.lang.String;}).
 * Here each becomes a {@link DeskProblem} (400s as {@link InvalidInput} with coded field errors), so that
 * the API handler and the browser pages say the same thing. A database that does not answer, or has no free
 * connection in time, is a 503, whatever layer met it (the session, a token, a controller). Unexpected
 * exceptions (bugs) are not refusals.
 */
final class RequestRefusals {

    private RequestRefusals() {}

    /** The refusal this exception stands for, or null when it is a bug rather than a refused request. */
    static ErrorResponse of(Throwable ex) {
        return switch (ex) {
            case DeskProblem problem -> problem;
            case Throwable down when databaseDown(down) -> new Unavailable("database-unavailable",
                    "The database does not answer; nothing was changed. Send the request again in a moment.",
                    RETRY_AFTER);
            case Throwable busy when connectionsBusy(busy) -> new Unavailable("server-busy",
                    "The desk is too busy to answer now (every database connection is in use); nothing was changed."
                            + " Send the request again in a moment.", BUSY_RETRY_AFTER);
            case HttpMessageNotReadableException unreadable when overLimit(unreadable) != null ->
                    new dev.maintenancedesk.problem.TooLarge(overLimit(unreadable).limit);
            case HttpMessageNotReadableException unreadable -> unreadableBody(unreadable);
            case BindException binding -> invalid(binding.getBindingResult().getFieldErrors().stream()
                    .map(e -> e.isBindingFailure() ? unconvertible(e, binding.getBindingResult().getFieldType(e.getField()))
                            : new FieldError(e.getField(), constraint(e), List.of(), e.getDefaultMessage()))
                    .toList(),
                    binding.getBindingResult().getGlobalErrors());
            // Spring Security's firewall, reading a parameter name or value it does not allow (a NUL in a name).
            case org.springframework.security.web.firewall.RequestRejectedException rejected -> InvalidInput.of(
                    FieldError.of(null, "rejected-parameter",
                            "a parameter name or value holds characters that are not allowed"));
            case HandlerMethodValidationException validation -> InvalidInput.of(validation.getParameterValidationResults()
                    .stream().flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldError(
                            e instanceof org.springframework.validation.FieldError fe ? fe.getField()
                                    : r.getMethodParameter().getParameterName(),
                            constraint(e), List.of(), e.getDefaultMessage())))
                    .toList());
            case TypeMismatchException mismatch -> InvalidInput.of(typeMismatch(mismatch));
            case MissingServletRequestParameterException missing -> InvalidInput.of(
                    FieldError.of(missing.getParameterName(), "required", "is required"));
            case ErrorResponse response -> listed(response);
            // A write that lost a race the module did not foresee (a unique key, a lock, a serialization
            // failure): the request may simply be sent again, so it is a conflict, never a 500.
            case org.springframework.dao.DuplicateKeyException duplicate -> concurrent();
            case org.springframework.dao.ConcurrencyFailureException concurrency -> concurrent();
            default -> undecodable(ex);
        };
    }

    /** What a client is told to wait before trying again while the database does not answer. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    /** And while every database connection is in use. */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(2);

    /**
     * Whether the request failed because the database does not answer, not because of the request or a bug: a
     * connection that could not be opened or was lost (the JDBC connection exception types, SQLState class 08),
     * the server shutting down or starting (57P01–57P03), out of connections (53300) or refusing the desk's login
     * (class 28). Hikari's "no connection within connection-timeout" carries the last such failure as its cause
     * when the database is down, and is read through it. Other database errors stay what they are.
     */
    static boolean databaseDown(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("28") || state.matches("57P0[123]")
                    || state.equals("53300"))) {
                return true;
            }
            // a query failed on a connection the outage broke, then so did the rollback: the query's failure says why
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != ex && databaseDown(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the request waited Hikari's {@code connection-timeout} for a connection while the database answers
     * (every connection in use: the pool's timeout then has no connection failure as its cause). Not a bug of the
     * request either: the desk is too busy, the request may come again.
     */
    static boolean connectionsBusy(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    private static BodyLimit.OverLimit overLimit(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.OverLimit over) {
                return over;
            }
        }
        return null;
    }

    private static ErrorResponse concurrent() {
        return new dev.maintenancedesk.problem.Conflict("concurrent-change",
                "Another request changed the same data at the same moment; send yours again.");
    }

    private static final java.util.regex.Pattern CONTAINER_PARAMETER = java.util.regex.Pattern.compile(
            "Parameter \\[([A-Za-z0-9_.\\-]{1,64})\\]");

    /**
     * A query or form whose percent-encoded bytes are not UTF-8 (e.g. a lone surrogate, {@code %ED%A0%80}):
     * the servlet container refuses to decode it when the parameters are first read. Its message names
     * the parameter, which is all that is kept of it.
     */
    private static ErrorResponse undecodable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                var name = ex.getMessage() == null ? null : CONTAINER_PARAMETER.matcher(ex.getMessage());
                String field = name != null && name.find() ? name.group(1) : null;
                return InvalidInput.of(FieldError.of(field, "encoding",
                        "is not valid UTF-8 once percent-decoded"));
            }
        }
        return null;
    }

    /**
     * A 400 built by hand that lists no {@code errors} (a ResponseStatusException, a problem naming only
     * its {@code field}) still lists its error, keeping the field it names.
     */
    private static ErrorResponse listed(ErrorResponse response) {
        ProblemDetail body = response.getBody();
        boolean listsErrors = body.getProperties() != null && body.getProperties().containsKey("errors");
        if (response.getStatusCode().value() != 400 || listsErrors) {
            return response;
        }
        String detail = body.getDetail() == null ? "invalid request" : body.getDetail();
        Object named = body.getProperties() == null ? null : body.getProperties().get("field");
        String field = named == null ? null : String.valueOf(named);
        String message = field != null && detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail;
        return InvalidInput.of(FieldError.of(field, "invalid", message));
    }

    private static InvalidInput invalid(List<FieldError> fieldErrors, List<ObjectError> globalErrors) {
        if (!fieldErrors.isEmpty()) {
            return InvalidInput.of(fieldErrors);
        }
        return InvalidInput.of(globalErrors.stream()
                .map(e -> new FieldError(null, constraint(e), List.of(), e.getDefaultMessage())).toList());
    }

    /** Jackson's words for a key given twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}). */
    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile(
            "Duplicate (?:Object property|field) \"([^\"]{1,100})\"");

    private static InvalidInput unreadableBody(HttpMessageNotReadableException ex) {
        JacksonException cause = jacksonCause(ex);
        String field = cause == null ? null : path(cause);
        if (cause instanceof UnsafeText unsafe) {
            FieldError rule = unsafe.rule();
            return InvalidInput.of(new FieldError(field, rule.code(), rule.args(), rule.message()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return InvalidInput.of(FieldError.of(field, "unknown-field", "unknown field (accepted: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ")"));
        }
        if (cause instanceof InvalidNullException) {
            return InvalidInput.of(FieldError.of(field, "not-null", "must not be null"));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return InvalidInput.of(notOneOf(field, invalid.getValue(), invalid.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return InvalidInput.of(wrongType(field, mismatch.getTargetType()));
        }
        java.util.regex.Matcher duplicate = cause == null || cause.getOriginalMessage() == null ? null
                : DUPLICATE.matcher(cause.getOriginalMessage());
        if (duplicate != null && duplicate.find()) {
            String key = field == null ? duplicate.group(1) : field + "." + duplicate.group(1);
            return InvalidInput.of(FieldError.of(key, "duplicate-field", "given twice in the same object"));
        }
        if (cause != null) {
            String where = cause.getLocation() == null ? "" : " at line " + cause.getLocation().getLineNr()
                    + ", column " + cause.getLocation().getColumnNr();
            return InvalidInput.of(FieldError.of(field, "malformed-json", "malformed JSON" + where));
        }
        return InvalidInput.of(FieldError.of(null, "body-required", "a JSON body is required"));
    }

    private static FieldError typeMismatch(TypeMismatchException ex) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        if (ex.getValue() instanceof Object[] values && values.length > 1) {
            // ?state=a&state=b where one state is expected: Spring hands over the array.
            return FieldError.of(field, "one-value", "give one value (it was given " + values.length + " times)");
        }
        Object value = ex.getValue() instanceof Object[] values && values.length == 1 ? values[0] : ex.getValue();
        if (type != null && type.isEnum()) {
            return notOneOf(field, value, type);
        }
        return FieldError.of(field, "not-" + kind(type), "\"" + value + "\" is not " + describe(type),
                String.valueOf(value));
    }

    /** A form value that does not convert to its field's type, said without the converter's Java words. */
    private static FieldError unconvertible(org.springframework.validation.FieldError error, Class<?> type) {
        Object value = error.getRejectedValue() instanceof Object[] values && values.length == 1 ? values[0]
                : error.getRejectedValue();
        if (type != null && type.isEnum()) {
            return notOneOf(error.getField(), value, type);
        }
        return FieldError.of(error.getField(), "not-" + kind(type), "\"" + value + "\" is not " + describe(type),
                String.valueOf(value));
    }

    private static FieldError notOneOf(String field, Object value, Class<?> type) {
        String accepted = Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        return FieldError.of(field, "not-one-of", "\"" + value + "\" is not one of " + accepted,
                String.valueOf(value), accepted);
    }

    private static FieldError wrongType(String field, Class<?> type) {
        return FieldError.of(field, "expected-" + kind(type), "expected " + describe(type));
    }

    /** The Bean Validation constraint as a message code: {@code NotBlank} → {@code not-blank}. */
    private static String constraint(org.springframework.context.MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String code = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
        return code.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
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

    /** The kind of value a type takes, in message codes ({@code not-number}, {@code expected-array}). */
    private static String kind(Class<?> type) {
        String described = describe(type);
        return described.substring(described.lastIndexOf(' ') + 1).replace("false", "boolean");
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
}
