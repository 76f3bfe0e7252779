package dev.maintenancedesk.problem;

import java.util.List;

/**
 * One field at fault: its path ({@code title}, {@code labels[2]}), a message code ({@code field.<code>} in
 * the bundles, e.g. {@code too-long}) with its arguments, and the English message the API shows.
 */
public record FieldError(String field, String code, List<Object> args, String message) {

    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** An error without a translatable code: the message is shown as it is. */
    public static FieldError of(String field, String message) {
        return new FieldError(field, "invalid", List.of(), message);
    }

    public static FieldError of(String field, String code, String message, Object... args) {
        return new FieldError(field, code, List.of(args), message);
    }
}
