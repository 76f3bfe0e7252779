package dev.maintenancedesk.releases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A commit message that follows Conventional Commits 1.0.0. {@code type} is lower-cased (types are
 * case-insensitive); {@code scope} and {@code body} are null when absent; {@code breaking} is true for
 * a {@code !} before the colon or a {@code BREAKING CHANGE}/{@code BREAKING-CHANGE} footer.
 */
public record ConventionalCommit(String type, String scope, boolean breaking, String description, String body,
        List<Footer> footers) implements CommitMessage {

    public ConventionalCommit {
        type = type.toLowerCase(Locale.ROOT);
        footers = List.copyOf(footers);
    }

    @Override
    public String subject() {
        return type + (scope == null ? "" : "(" + scope + ")") + (breaking ? "!" : "") + ": " + description;
    }

    /** What breaks: the BREAKING CHANGE footers' values, else the description when only {@code !} says so. */
    public List<String> breakingChanges() {
        List<String> notes = new ArrayList<>();
        for (Footer f : footers) {
            if (f.isBreakingChange()) {
                notes.add(f.value());
            }
        }
        if (notes.isEmpty() && breaking) {
            notes.add(description);
        }
        return notes;
    }

    /** Values of the footers with this token (case-insensitive). */
    public List<String> footerValues(String token) {
        List<String> values = new ArrayList<>();
        for (Footer f : footers) {
            if (f.is(token)) {
                values.add(f.value());
            }
        }
        return values;
    }
}
