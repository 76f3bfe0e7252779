package dev.maintenancedesk.releases;

/** Deprecation footers: {@code Deprecated: <key> [text]} announces, {@code Removed: <key> [text]} removes. */
public final class Deprecations {

    public static final String DEPRECATED = "Deprecated";
    public static final String REMOVED = "Removed";

    private Deprecations() {}

    /** The key of a footer value: its first word ({@code Deprecated: /api/v1/export use v2} → {@code /api/v1/export}). */
    public static String key(String value) {
        String v = value.strip();
        int space = 0;
        while (space < v.length() && !Character.isWhitespace(v.charAt(space))) {
            space++;
        }
        return v.substring(0, space);
    }
}
