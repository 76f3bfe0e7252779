package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Release notes and CHANGELOG in Markdown, French or English: breaking changes first, then one section
 * per commit type, then Deprecated and Removed. Each line links its tickets ({@code #N} in
 * Refs/Closes/Fixes footers) and its pull request ({@code (#123)} ending a squash subject); links are
 * absolute when the {@code origin} remote is on GitHub.
 */
public final class ReleaseNotes {

    public static final List<String> LANGUAGES = Texts.LANGUAGES;

    static final Set<String> TICKET_TOKENS = Set.of("refs", "ref", "closes", "close", "closed", "fixes", "fix",
            "fixed", "resolves", "resolve", "resolved", "see", "issue");

    /** One section per commit type, in this order; their titles are {@code releases.notes.section.<type>}. */
    private static final List<String> SECTION_TYPES = List.of("feat", "fix", "security", "perf", "revert", "refactor",
            "docs", "test", "build", "ci", "style", "chore");

    private final Texts texts;
    private final String webUrl;
    private final RemovalSchedule removals;
    private final TicketNotes ticketNotes;

    public ReleaseNotes(Plan plan, String lang, String webUrl) {
        this(plan, lang, webUrl, TicketNotes.NONE);
    }

    /** With {@code ticketNotes}, a Tickets section lists the referenced tickets' titles and release-note lines. */
    public ReleaseNotes(Plan plan, String lang, String webUrl, TicketNotes ticketNotes) {
        this.texts = Texts.in(lang);
        this.webUrl = webUrl;
        this.removals = new RemovalSchedule(plan);
        this.ticketNotes = ticketNotes;
    }

    private String text(String key, Object... args) {
        return texts.get("releases.notes." + key, args);
    }

    /** The CHANGELOG: a title and every release, newest first. */
    public String changelog(List<Release> releases) {
        StringBuilder md = new StringBuilder(64 * 1024);
        md.append(text("changelog")).append('\n');
        for (Release r : releases) {
            md.append('\n');
            write(r, md);
        }
        return md.toString();
    }

    public String notes(Release release) {
        StringBuilder md = new StringBuilder(4096);
        write(release, md);
        return md.toString();
    }

    private void write(Release r, StringBuilder md) {
        md.append("## ").append(r.version() == null ? text("unreleased") : r.version().toString());
        if (r.date() != null) {
            md.append(" (").append(r.date()).append(')');
        }
        md.append('\n');
        List<String> breaking = new ArrayList<>();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> deprecated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (GitCommit c : r.commits()) {
            if (!(c.message() instanceof ConventionalCommit cc)) {
                if (c.message() instanceof CommitMessage.GitRevert gr) {
                    sections.computeIfAbsent("revert", k -> new ArrayList<>()).add(line(null, gr.subject(), List.of(), c));
                }
                continue;
            }
            List<String> tickets = tickets(cc);
            tickets.stream().filter(n -> !referenced.contains(n)).forEach(referenced::add);
            String description = cc.description();
            String pr = null;
            if (description.endsWith(")")) {
                int open = description.lastIndexOf("(#");
                if (open >= 0 && isDigits(description, open + 2, description.length() - 1)) {
                    pr = description.substring(open + 2, description.length() - 1);
                    description = description.substring(0, open).stripTrailing();
                }
            }
            List<String> links = new ArrayList<>();
            tickets.forEach(n -> links.add(link("#" + n, "issues/" + n)));
            if (pr != null && !tickets.contains(pr)) {
                links.add("PR " + link("#" + pr, "pull/" + pr));
            }
            for (String note : cc.breakingChanges()) {
                breaking.add(line(cc.scope(), oneLine(note), links, c));
            }
            sections.computeIfAbsent(SECTION_TYPES.contains(cc.type()) ? cc.type() : "other", k -> new ArrayList<>())
                    .add(line(cc.scope(), description, links, c));
            for (String v : cc.footerValues(Deprecations.DEPRECATED)) {
                deprecated.add(deprecation(v, r) + " (" + commitLink(c) + ")");
            }
            for (String v : cc.footerValues(Deprecations.REMOVED)) {
                removed.add("- " + keyAndText(v) + " (" + commitLink(c) + ")");
            }
        }
        section(md, text("breaking"), breaking);
        for (String type : SECTION_TYPES) {
            section(md, text("section." + type), sections.get(type));
        }
        section(md, text("section.other"), sections.get("other"));
        section(md, text("tickets"), ticketLines(referenced));
        section(md, text("deprecated"), deprecated);
        section(md, text("removed"), removed);
        if (r.commits().isEmpty() || breaking.isEmpty() && sections.isEmpty() && deprecated.isEmpty() && removed.isEmpty()) {
            md.append('\n').append(text("nothing")).append('\n');
        }
    }

    private String deprecation(String value, Release r) {
        StringBuilder sb = new StringBuilder("- ").append(keyAndText(value));
        if (r.version() != null) {
            String version = removals.earliestVersion(r.version()).toString();
            Optional<LocalDate> window = r.date() == null ? Optional.empty() : removals.earliestDate(r.date());
            sb.append(" — ").append(window.map(d -> text("removalInWindow", version, d.toString()))
                    .orElseGet(() -> text("removal", version)));
        }
        return sb.toString();
    }

    /** "#12 Title: release note" for each referenced ticket that exists, in order of first reference. */
    private List<String> ticketLines(List<String> numbers) {
        List<String> lines = new ArrayList<>();
        for (String n : numbers) {
            if (n.length() > 18) {
                continue; // not a ticket number anyone has
            }
            ticketNotes.find(Long.parseLong(n)).ifPresent(ticket -> {
                StringBuilder sb = new StringBuilder("- ").append(link("#" + n, "issues/" + n)).append(' ')
                        .append(oneLine(ticket.title()));
                if (ticket.releaseNote() != null && !ticket.releaseNote().isBlank()) {
                    sb.append(" — ").append(oneLine(ticket.releaseNote()));
                }
                lines.add(sb.toString());
            });
        }
        return lines;
    }

    private static String keyAndText(String value) {
        String key = Deprecations.key(value);
        String rest = oneLine(value.strip().substring(key.length()));
        return "`" + key + "`" + (rest.isEmpty() ? "" : " " + rest);
    }

    private String line(String scope, String text, List<String> links, GitCommit c) {
        StringBuilder sb = new StringBuilder("- ");
        if (scope != null) {
            sb.append("**").append(scope).append(":** ");
        }
        sb.append(text);
        if (!links.isEmpty()) {
            sb.append(" (").append(String.join(", ", links)).append(')');
        }
        return sb.append(" (").append(commitLink(c)).append(')').toString();
    }

    private String commitLink(GitCommit c) {
        return webUrl == null ? c.shortId() : "[" + c.shortId() + "](" + webUrl + "/commit/" + c.id() + ")";
    }

    private String link(String text, String path) {
        return webUrl == null ? text : "[" + text + "](" + webUrl + "/" + path + ")";
    }

    private static void section(StringBuilder md, String title, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n");
        for (String l : lines) {
            md.append(l).append('\n');
        }
    }

    /** Ticket numbers of the Refs/Closes/Fixes… footers, in order, without duplicates. */
    static List<String> tickets(ConventionalCommit c) {
        List<String> numbers = new ArrayList<>();
        for (Footer f : c.footers()) {
            if (!TICKET_TOKENS.contains(f.token().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String v = f.value();
            for (int i = v.indexOf('#'); i >= 0; i = v.indexOf('#', i + 1)) {
                int end = i + 1;
                while (end < v.length() && Character.isDigit(v.charAt(end))) {
                    end++;
                }
                if (end > i + 1 && !numbers.contains(v.substring(i + 1, end))) {
                    numbers.add(v.substring(i + 1, end));
                }
            }
        }
        return numbers;
    }

    private static boolean isDigits(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String text) {
        return text.strip().replace('\n', ' ').replaceAll(" {2,}", " ");
    }

}
