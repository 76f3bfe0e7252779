package dev.maintenancedesk.tickets;

import dev.maintenancedesk.problem.FieldError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link from a ticket. {@code target} is a pull request ({@code https://HOST/OWNER/REPO/pull/N} or
 * {@code #N}), a commit (7 to 40 hexadecimal digits), or {@code #n} for a ticket; {@code merged} only
 * matters for pull requests (the IN_REVIEW → MERGED gate reads it). The aggregate checks a link before
 * it keeps it, with {@link #problem(GitHubRepository)}: one rule for the API and the forms.
 */
public record TicketLink(LinkKind kind, String target, Boolean merged) {

    private static final Pattern PULL_URL = Pattern.compile(
            "https://([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?)/([A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100})/pull/([1-9][0-9]{0,9})");
    private static final Pattern PULL_NUMBER = Pattern.compile("#[1-9][0-9]{0,9}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

    public boolean isMergedPullRequest() {
        return kind == LinkKind.PULL_REQUEST && Boolean.TRUE.equals(merged);
    }

    TicketLink normalized() {
        return new TicketLink(kind, target.strip(), kind == LinkKind.PULL_REQUEST && Boolean.TRUE.equals(merged));
    }

    /** What is wrong with this (stripped, non-blank) target for its kind, or null. */
    FieldError problem(GitHubRepository github) {
        String t = target.strip();
        if (kind == LinkKind.PULL_REQUEST) {
            if (PULL_NUMBER.matcher(t).matches()) {
                return null;
            }
            Matcher url = PULL_URL.matcher(t);
            if (url.matches() && github.accepts(url.group(1), url.group(2))) {
                return null;
            }
            return FieldError.of("target", "pull-request-link", "\"" + t + "\" is not a pull request: give "
                    + github.example() + " or #N", github.example());
        }
        if (kind == LinkKind.COMMIT && !COMMIT.matcher(t).matches()) {
            return FieldError.of("target", "commit-link",
                    "\"" + t + "\" is not a commit: give its hash (7 to 40 hexadecimal digits)");
        }
        return null;
    }
}
