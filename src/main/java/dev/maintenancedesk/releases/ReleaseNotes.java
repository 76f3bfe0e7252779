package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.Plan;
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

    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    static final Set<String> TICKET_TOKENS = Set.of("refs", "ref", "closes", "close", "closed", "fixes", "fix",
            "fixed", "resolves", "resolve", "resolved", "see", "issue");

    /** Section titles per type, in the order they are printed: {fr, en}. */
    private static final Map<String, String[]> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("feat", new String[] {"Nouveautés", "Features"});
        SECTIONS.put("fix", new String[] {"Corrections", "Bug fixes"});
        SECTIONS.put("security", new String[] {"Sécurité", "Security"});
        SECTIONS.put("perf", new String[] {"Performances", "Performance"});
        SECTIONS.put("revert", new String[] {"Annulations", "Reverts"});
        SECTIONS.put("refactor", new String[] {"Refactorisation", "Refactoring"});
        SECTIONS.put("docs", new String[] {"Documentation", "Documentation"});
        SECTIONS.put("test", new String[] {"Tests", "Tests"});
        SECTIONS.put("build", new String[] {"Construction", "Build"});
        SECTIONS.put("ci", new String[] {"Intégration continue", "Continuous integration"});
        SECTIONS.put("style", new String[] {"Style", "Style"});
        SECTIONS.put("chore", new String[] {"Maintenance", "Chores"});
    }

    private final String lang;
    private final String webUrl;
    private final ReleaseWindows windows;
    private final int removalAfter;

    public ReleaseNotes(Plan plan, String lang, String webUrl) {
        this.lang = lang;
        this.webUrl = webUrl;
        this.windows = new ReleaseWindows(plan);
        this.removalAfter = plan.deprecation().removalAfterMinorReleases();
    }

    private String t(String fr, String en) {
        return "en".equals(lang) ? en : fr;
    }

    /** The CHANGELOG: a title and every release, newest first. */
    public String changelog(List<Release> releases) {
        StringBuilder md = new StringBuilder(64 * 1024);
        md.append(t("# Journal des modifications\n\nToutes les évolutions notables, générées depuis git par `desk changelog`"
                + " (Conventional Commits 1.0.0, versionnage sémantique).\n",
                "# Changelog\n\nAll notable changes, generated from git by `desk changelog`"
                        + " (Conventional Commits 1.0.0, semantic versioning).\n"));
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
        md.append("## ").append(r.version() == null ? t("Non publié", "Unreleased") : r.version().toString());
        if (r.date() != null) {
            md.append(" (").append(r.date()).append(')');
        }
        md.append('\n');
        List<String> breaking = new ArrayList<>();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> deprecated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (GitCommit c : r.commits()) {
            if (!(c.message() instanceof ConventionalCommit cc)) {
                if (c.message() instanceof CommitMessage.GitRevert gr) {
                    sections.computeIfAbsent("revert", k -> new ArrayList<>()).add(line(null, gr.subject(), List.of(), c));
                }
                continue;
            }
            List<String> tickets = tickets(cc);
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
            sections.computeIfAbsent(SECTIONS.containsKey(cc.type()) ? cc.type() : "other", k -> new ArrayList<>())
                    .add(line(cc.scope(), description, links, c));
            for (String v : cc.footerValues(Deprecations.DEPRECATED)) {
                deprecated.add(deprecation(v, r) + " (" + commitLink(c) + ")");
            }
            for (String v : cc.footerValues(Deprecations.REMOVED)) {
                removed.add("- " + keyAndText(v) + " (" + commitLink(c) + ")");
            }
        }
        section(md, t("⚠ Changements incompatibles", "⚠ Breaking changes"), breaking);
        for (Map.Entry<String, String[]> e : SECTIONS.entrySet()) {
            section(md, t(e.getValue()[0], e.getValue()[1]), sections.get(e.getKey()));
        }
        section(md, t("Autres", "Other"), sections.get("other"));
        section(md, t("Dépréciations", "Deprecated"), deprecated);
        section(md, t("Retraits", "Removed"), removed);
        if (r.commits().isEmpty() || breaking.isEmpty() && sections.isEmpty() && deprecated.isEmpty() && removed.isEmpty()) {
            md.append('\n').append(t("_Aucun changement notable._", "_No notable change._")).append('\n');
        }
    }

    private String deprecation(String value, Release r) {
        StringBuilder sb = new StringBuilder("- ").append(keyAndText(value));
        if (r.version() != null) {
            Version earliest = new Version(r.version().major(), r.version().minor() + removalAfter + 1, 0);
            sb.append(" — ").append(t("retrait possible à partir de ", "removal allowed from ")).append(earliest);
            earliestDate(r.date()).ifPresent(d -> sb.append(t(" (fenêtre du ", " (window of ")).append(d).append(')'));
        }
        return sb.toString();
    }

    /** The (removalAfter+1)-th MINOR-or-MAJOR window after the announcing release's date. */
    private Optional<LocalDate> earliestDate(LocalDate released) {
        if (released == null) {
            return Optional.empty();
        }
        LocalDate day = released;
        for (int i = 0; i <= removalAfter; i++) {
            Optional<ReleaseWindow> w = windows.next(day.plusDays(1), Bump.MINOR);
            if (w.isEmpty()) {
                return Optional.empty();
            }
            day = w.get().date();
        }
        return Optional.of(day);
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
