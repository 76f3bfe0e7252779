package dev.maintenancedesk.releases;

/**
 * The rules a commit message can break, each named after the Conventional Commits 1.0.0 rule it
 * enforces ({@code spec} is the rule's number in the specification, 0 for rules of the plan or of git).
 */
public enum CommitRule {
    EMPTY("empty-message", 0, "the message is empty"),
    NUL("no-nul", 0, "a commit message cannot contain a NUL byte"),
    TYPE("type", 1, "the header starts with a type, a noun such as feat or fix"),
    SCOPE("scope", 4, "a scope is a non-empty noun in parentheses, e.g. fix(parser):"),
    BANG("bang-before-colon", 13, "a breaking-change '!' goes immediately before the colon"),
    COLON_SPACE("colon-space", 1, "the type, optional scope and optional '!' are followed by a colon and a space"),
    DESCRIPTION("description", 5, "a description immediately follows the colon and space"),
    BODY_BLANK_LINE("body-blank-line", 6, "the body begins one blank line after the description"),
    TYPE_NOT_ALLOWED("type-allowed", 0, "only the plan's commit types are allowed"),
    REMOVAL_NOT_BREAKING("removal-breaking", 0, "a Removed: footer is a breaking change (! or BREAKING CHANGE:)"),
    REMOVAL_TOO_EARLY("removal-delay", 0, "a removal ships at least the third MINOR-or-MAJOR release after its deprecation");

    private final String id;
    private final int spec;
    private final String text;

    CommitRule(String id, int spec, String text) {
        this.id = id;
        this.spec = spec;
        this.text = text;
    }

    /** Short stable name printed in every error, e.g. {@code colon-space}. */
    public String id() {
        return id;
    }

    /** The rule number in Conventional Commits 1.0.0, or 0 for a rule of the plan or of git. */
    public int spec() {
        return spec;
    }

    public String text() {
        return text;
    }

    /** {@code "colon-space: <detail> (Conventional Commits 1.0.0 rule 1)"}. */
    String describe(String detail) {
        return id + ": " + detail + (spec > 0 ? " (Conventional Commits 1.0.0 rule " + spec + ")" : "");
    }
}
