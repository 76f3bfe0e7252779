package dev.maintenancedesk.releases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses commit messages by Conventional Commits 1.0.0, rule by rule, in one linear pass (no regular
 * expressions). Decisions where the specification is silent:
 * <ul>
 * <li>CRLF line ends are read as LF; trailing blank lines and trailing spaces of the message are ignored.</li>
 * <li>The footer section starts at the first line that follows a blank line and reads
 *     {@code Token: value} or {@code Token #value}; from there every such line starts a new footer and any
 *     other line (blank lines included) continues the current value (rule 10). A body line that is itself a
 *     commit header of a well-known type ({@code fix: …} in a squash body) does not start the footers.</li>
 * <li>A token is a letter followed by letters, digits and {@code -}, or exactly {@code BREAKING CHANGE}
 *     (upper case). {@code breaking change: …} in lower case is body text.</li>
 * <li>Extra spaces after {@code ": "} are not part of the description.</li>
 * </ul>
 */
public final class ConventionalCommitParser {

    /** Types of the specification and of the usual presets: a body line {@code <type>: …} is not a footer. */
    static final Set<String> HEADER_TYPES = Set.of("feat", "fix", "chore", "docs", "refactor", "security", "perf",
            "test", "build", "ci", "style", "revert");

    private ConventionalCommitParser() {}

    public static CommitMessage parse(String message) {
        String subject = firstLine(message);
        if (message.indexOf('\0') >= 0) {
            return new CommitMessage.Invalid(subject, CommitRule.NUL, "the message contains a NUL byte");
        }
        List<String> lines = lines(message);
        if (lines.isEmpty()) {
            return new CommitMessage.Invalid("", CommitRule.EMPTY, "the message is empty");
        }
        String header = lines.get(0);
        CommitMessage special = gitMessage(header, lines);
        if (special != null) {
            return special;
        }
        return parseConventional(header, lines);
    }

    private static CommitMessage parseConventional(String header, List<String> lines) {
        int n = header.length();
        int i = 0;
        while (i < n && isTypeChar(header.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            return invalid(header, CommitRule.TYPE, header.isBlank()
                    ? "the first line is blank: it must be the header \"<type>[(scope)][!]: <description>\""
                    : "\"" + abbreviate(header) + "\" does not start with a type (a word such as feat or fix)");
        }
        String type = header.substring(0, i);
        String scope = null;
        if (i < n && header.charAt(i) == '(') {
            int close = header.indexOf(')', i + 1);
            int nested = header.indexOf('(', i + 1);
            if (close < 0) {
                return invalid(header, CommitRule.SCOPE, "the scope after \"" + type + "(\" is never closed with ')'");
            }
            if (nested >= 0 && nested < close) {
                return invalid(header, CommitRule.SCOPE, "a scope cannot contain '('");
            }
            scope = header.substring(i + 1, close);
            if (scope.isBlank()) {
                return invalid(header, CommitRule.SCOPE, "the scope is empty: write \"" + type
                        + "(<scope>): …\" or leave the parentheses out");
            }
            i = close + 1;
        }
        boolean bang = false;
        if (i < n && header.charAt(i) == '!') {
            bang = true;
            i++;
            if (i < n && header.charAt(i) != ':') {
                return invalid(header, CommitRule.BANG, "'!' must be immediately followed by ':' (found "
                        + describe(header.charAt(i)) + ")");
            }
        }
        if (i >= n) {
            return invalid(header, CommitRule.COLON_SPACE, "the header \"" + abbreviate(header)
                    + "\" has no \": \" after the type" + (scope == null ? "" : " and scope"));
        }
        char c = header.charAt(i);
        if (c != ':') {
            if (c == '(' && scope != null) {
                return invalid(header, CommitRule.SCOPE, "only one scope is allowed");
            }
            if (c == '(' && bang) {
                return invalid(header, CommitRule.BANG, "'!' goes after the scope, immediately before the colon");
            }
            if (c == '!') {
                return invalid(header, CommitRule.BANG, "only one '!' is allowed, immediately before the colon");
            }
            int colon = header.indexOf(':', i);
            if (colon >= 0 && (c == ' ' || c == '\t')) {
                boolean bangBeforeColon = header.charAt(colon - 1) == '!' && colon - 1 > i;
                return invalid(header, bangBeforeColon ? CommitRule.BANG : CommitRule.COLON_SPACE,
                        "nothing may stand between \"" + header.substring(0, i) + "\" and the colon (found "
                                + describe(c) + ")");
            }
            return invalid(header, colon < 0 ? CommitRule.COLON_SPACE : CommitRule.TYPE, colon < 0
                    ? "the header \"" + abbreviate(header) + "\" has no \": \" after the type"
                    : "the type may only contain letters, digits, '-' and '_' (found " + describe(c) + ")");
        }
        i++;
        if (i >= n || header.charAt(i) != ' ') {
            return invalid(header, i >= n ? CommitRule.DESCRIPTION : CommitRule.COLON_SPACE, i >= n
                    ? "there is no description after \"" + header + "\""
                    : "the colon must be followed by a space (found " + describe(header.charAt(i)) + ")");
        }
        String description = header.substring(i + 1).strip();
        if (description.isEmpty()) {
            return invalid(header, CommitRule.DESCRIPTION, "the description after \"" + header.strip() + " \" is empty");
        }
        if (lines.size() > 1 && !lines.get(1).isBlank()) {
            return invalid(header, CommitRule.BODY_BLANK_LINE, "the second line must be blank (found \""
                    + abbreviate(lines.get(1)) + "\")");
        }
        int start = 1;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        int footerStart = lines.size();
        for (int j = start; j < lines.size(); j++) {
            if (lines.get(j - 1).isBlank() && footerTokenEnd(lines.get(j)) > 0 && !isHeaderLike(lines.get(j))) {
                footerStart = j;
                break;
            }
        }
        String body = join(lines, start, footerStart);
        List<Footer> footers = footers(lines, footerStart);
        boolean breaking = bang || footers.stream().anyMatch(Footer::isBreakingChange);
        return new ConventionalCommit(type, scope, breaking, description, body, footers);
    }

    private static List<Footer> footers(List<String> lines, int from) {
        List<Footer> footers = new ArrayList<>();
        String token = null;
        StringBuilder value = new StringBuilder();
        for (int j = from; j < lines.size(); j++) {
            String line = lines.get(j);
            int end = footerTokenEnd(line);
            if (end > 0) {
                if (token != null) {
                    footers.add(new Footer(token, value.toString().strip()));
                }
                token = line.substring(0, end);
                value.setLength(0);
                // "Token: value" drops ": "; "Token #value" keeps the '#'.
                value.append(line.charAt(end) == ':' ? line.substring(end + 2) : line.substring(end + 1));
            } else {
                value.append('\n').append(line);
            }
        }
        if (token != null) {
            footers.add(new Footer(token, value.toString().strip()));
        }
        return footers;
    }

    /**
     * The length of the footer token that starts {@code line} when it is followed by {@code ": "} or
     * {@code " #"} and a non-empty value; 0 when the line is not a footer line.
     */
    static int footerTokenEnd(String line) {
        int n = line.length();
        int end;
        if (line.startsWith(Footer.BREAKING_CHANGE)) {
            end = Footer.BREAKING_CHANGE.length();
        } else {
            end = 0;
            while (end < n && isTokenChar(line.charAt(end), end == 0)) {
                end++;
            }
            if (end == 0) {
                return 0;
            }
        }
        if (end + 2 < n) {
            char a = line.charAt(end);
            char b = line.charAt(end + 1);
            boolean separator = a == ':' && b == ' ' || a == ' ' && b == '#';
            if (separator && !line.substring(end + 2).isBlank()) {
                return end;
            }
        }
        return 0;
    }

    private static boolean isHeaderLike(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && HEADER_TYPES.contains(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
    }

    /** git's own messages: merges, {@code Revert "…"}, autosquash markers. Null for anything else. */
    private static CommitMessage gitMessage(String header, List<String> lines) {
        if (header.startsWith("Merge ") && (header.startsWith("Merge branch ") || header.startsWith("Merge branches ")
                || header.startsWith("Merge remote-tracking branch ") || header.startsWith("Merge remote branch ")
                || header.startsWith("Merge pull request #") || header.startsWith("Merge tag ")
                || header.startsWith("Merge commit ") || header.startsWith("Merge tags "))) {
            return new CommitMessage.Merge(header);
        }
        if (header.startsWith("Revert \"") && header.endsWith("\"") && header.length() > "Revert \"\"".length()) {
            String reverted = header.substring("Revert \"".length(), header.length() - 1);
            String commit = null;
            for (int j = 1; j < lines.size() && commit == null; j++) {
                String line = lines.get(j).strip();
                if (line.startsWith("This reverts commit ")) {
                    int s = "This reverts commit ".length();
                    int e = s;
                    while (e < line.length() && Character.digit(line.charAt(e), 16) >= 0) {
                        e++;
                    }
                    if (e - s >= 7) {
                        commit = line.substring(s, e).toLowerCase(java.util.Locale.ROOT);
                    }
                }
            }
            return new CommitMessage.GitRevert(header, reverted, commit);
        }
        if (header.startsWith("fixup! ") || header.startsWith("squash! ") || header.startsWith("amend! ")) {
            return new CommitMessage.Autosquash(header);
        }
        return null;
    }

    private static boolean isTypeChar(char c, boolean first) {
        return c < 128 && (Character.isLetter(c) || !first && (Character.isDigit(c) || c == '-' || c == '_'));
    }

    private static boolean isTokenChar(char c, boolean first) {
        return c < 128 && (Character.isLetter(c) || !first && (Character.isDigit(c) || c == '-'));
    }

    /** The lines of the message, LF or CRLF, without trailing blank lines and trailing spaces. */
    private static List<String> lines(String message) {
        List<String> lines = new ArrayList<>();
        int n = message.length();
        int from = 0;
        while (from <= n) {
            int nl = message.indexOf('\n', from);
            int end = nl < 0 ? n : nl;
            lines.add(stripTrailing(message.substring(from, end)));
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }

    private static String join(List<String> lines, int from, int to) {
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        if (to <= from) {
            return null;
        }
        return String.join("\n", lines.subList(from, to));
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return stripTrailing(nl < 0 ? message : message.substring(0, nl));
    }

    private static CommitMessage.Invalid invalid(String header, CommitRule rule, String detail) {
        return new CommitMessage.Invalid(header, rule, detail);
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            default -> "'" + c + "'";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
