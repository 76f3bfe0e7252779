package dev.maintenancedesk.releases;

/**
 * A footer (git trailer) of a Conventional Commit: {@code Token: value} or {@code Token #value}. In the
 * second form the {@code #} is kept in the value, so {@code Refs #12} and {@code Refs: #12} both give
 * {@code #12}. The value may span several lines.
 */
public record Footer(String token, String value) {

    public static final String BREAKING_CHANGE = "BREAKING CHANGE";
    public static final String BREAKING_CHANGE_SYNONYM = "BREAKING-CHANGE";

    /** {@code BREAKING CHANGE} or its synonym {@code BREAKING-CHANGE}; both must be upper case. */
    public boolean isBreakingChange() {
        return token.equals(BREAKING_CHANGE) || token.equals(BREAKING_CHANGE_SYNONYM);
    }

    /** Footer tokens are case-insensitive (rule 15), except BREAKING CHANGE. */
    public boolean is(String name) {
        return token.equalsIgnoreCase(name);
    }
}
