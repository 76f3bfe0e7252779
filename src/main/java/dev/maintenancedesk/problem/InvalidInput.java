package dev.maintenancedesk.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** 400: the request is refused because of the values it carries; every field at fault is named. */
public final class InvalidInput extends DeskProblem {

    private final List<FieldError> errors;

    private InvalidInput(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", List.of(), errors.stream()
                .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")), properties(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one error");
        }
        return new InvalidInput(errors);
    }

    public static InvalidInput of(FieldError error) {
        return new InvalidInput(List.of(error));
    }

    /** One field with a plain English message. */
    public static InvalidInput of(String field, String message) {
        return of(FieldError.of(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first field at fault, which the problem's {@code field} names. */
    public String field() {
        return errors.stream().map(FieldError::field).filter(f -> f != null).findFirst().orElse(null);
    }

    private static Map<String, Object> properties(List<FieldError> errors) {
        Map<String, Object> properties = new LinkedHashMap<>();
        errors.stream().map(FieldError::field).filter(f -> f != null).findFirst()
                .ifPresent(f -> properties.put("field", f));
        properties.put("errors", errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            if (e.field() != null) {
                m.put("field", e.field());
            }
            m.put("code", e.code());
            m.put("message", e.message());
            return m;
        }).toList());
        return properties;
    }
}
