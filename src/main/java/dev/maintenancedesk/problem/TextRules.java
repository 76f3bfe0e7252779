package dev.maintenancedesk.problem;

/**
 * What every stored text must satisfy, whichever face it came through: no NUL or other control
 * character (tab, line feed and carriage return aside), no lone UTF-16 surrogate (it would be stored
 * as "?"), and a length limit in characters. PostgreSQL refuses NUL bytes outright, so checking here
 * turns a would-be 500 into a 400 naming the field.
 */
public final class TextRules {

    private TextRules() {}

    /** The problem with {@code value}, or null when it is acceptable text (null is acceptable). */
    public static FieldError problem(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return FieldError.of(field, "nul", "must not contain the NUL character (U+0000)");
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return FieldError.of(field, "control", "must not contain control characters (found U+%04X)"
                        .formatted((int) c), String.format("U+%04X", (int) c));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return FieldError.of(field, "surrogate", "must be valid Unicode text (lone surrogate)");
            }
            if (Character.isLowSurrogate(c)) {
                return FieldError.of(field, "surrogate", "must be valid Unicode text (lone surrogate)");
            }
        }
        if (maxLength > 0 && value.length() > maxLength) {
            return FieldError.of(field, "too-long", "must be at most " + maxLength + " characters", maxLength);
        }
        return null;
    }

    /** Refuses {@code value} with a 400 naming {@code field} unless it is acceptable text. */
    public static String check(String field, String value, int maxLength) {
        FieldError error = problem(field, value, maxLength);
        if (error != null) {
            throw InvalidInput.of(error);
        }
        return value;
    }

    /** Only the character rules, no length limit (e.g. a query filter). */
    public static String check(String field, String value) {
        return check(field, value, 0);
    }
}
