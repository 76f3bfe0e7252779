package dev.maintenancedesk.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A refusal of a domain module (its RFC 9457 problem) as a page shows it: the status picks a translated
 * headline ({@code problem.<status>}), a 422 lists the unmet requirement keys ({@code requirement.<key>}),
 * a 400 lists the fields at fault. Serializable: it travels as a flash attribute in the stored session.
 */
public record UiProblem(int status, String type, String detail, List<String> missing, List<FieldProblem> errors,
        Long ticket, String target) implements Serializable {

    public record FieldProblem(String field, String message) implements Serializable {}

    public static UiProblem of(ErrorResponse error) {
        return of(error, null, null);
    }

    /** {@code ticket} and {@code target} say what the refusal is about (e.g. a board card and a state). */
    public static UiProblem of(ErrorResponse error, Long ticket, String target) {
        ProblemDetail body = error.getBody();
        Map<String, Object> properties = body.getProperties() == null ? Map.of() : body.getProperties();
        List<String> missing = new ArrayList<>();
        if (properties.get("missing") instanceof List<?> keys) {
            keys.forEach(k -> missing.add(String.valueOf(k)));
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (properties.get("errors") instanceof List<?> list) {
            for (Object e : list) {
                FieldProblem problem = fieldProblem(e);
                if (problem != null) {
                    errors.add(problem);
                }
            }
        }
        String type = body.getType() == null ? null : body.getType().toString();
        return new UiProblem(body.getStatus(), type, body.getDetail(), List.copyOf(missing), List.copyOf(errors), ticket, target);
    }

    /** A refusal the page itself finds (e.g. a required field left blank), before asking a module. */
    public static UiProblem invalid(List<FieldProblem> errors) {
        return new UiProblem(400, null, null, List.of(), List.copyOf(errors), null, null);
    }

    /** Whether this field is at fault. */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** The module's message for a field at fault, or null (then the page says it in the user's language). */
    public String errorFor(String field) {
        for (FieldProblem e : errors) {
            if (field.equals(e.field())) {
                return e.message();
            }
        }
        return null;
    }

    /** Someone else changed the ticket since the page was read. */
    public boolean stale() {
        return status == 409 && type != null && type.endsWith("stale-version");
    }

    private static FieldProblem fieldProblem(Object e) {
        if (e instanceof Map<?, ?> map) {
            Object field = map.get("field");
            Object message = map.get("message");
            return new FieldProblem(field == null ? null : String.valueOf(field), String.valueOf(message));
        }
        if (e instanceof Record record) {
            try {
                String field = null;
                String message = null;
                for (var component : record.getClass().getRecordComponents()) {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    Object value = accessor.invoke(record);
                    if (component.getName().equals("field")) {
                        field = value == null ? null : value.toString();
                    } else if (component.getName().equals("message")) {
                        message = value == null ? null : value.toString();
                    }
                }
                return new FieldProblem(field, message);
            } catch (ReflectiveOperationException | RuntimeException ex) {
                return new FieldProblem(null, e.toString());
            }
        }
        return null;
    }
}
