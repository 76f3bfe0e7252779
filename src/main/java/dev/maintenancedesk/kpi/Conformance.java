package dev.maintenancedesk.kpi;

import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.kpi.Figure.Status;
import dev.maintenancedesk.kpi.KpiData.Counts;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.ReleaseTag;
import dev.maintenancedesk.preventive.PreventiveOccurrences;
import dev.maintenancedesk.releases.CommitLinter;
import dev.maintenancedesk.releases.CommitRule;
import dev.maintenancedesk.releases.ConventionalCommit;
import dev.maintenancedesk.releases.Deprecations;
import dev.maintenancedesk.releases.GitCommit;
import dev.maintenancedesk.releases.GitHistory;
import dev.maintenancedesk.releases.RepositoryLint;
import dev.maintenancedesk.releases.Version;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan-conformance report of a month (plan §9's monthly review): each rule of the plan next to how
 * the team kept it, with its sample size. A rule without data says so, with n = 0, and is never "met".
 */
@Service
public class Conformance {

    /** One rule: its plan section, how many cases it applied to ({@code n}) and how many kept it. */
    public record Rule(String key, String section, long n, long kept, BigDecimal rate, String target, Status status,
            String detail) {}

    public record Report(String month, List<Rule> rules) {}

    private final Kpis kpis;
    private final KpiData data;
    private final Plan plan;
    private final Months months;
    private final ObjectProvider<PreventiveOccurrences> preventive;
    private final MessageSource messages;
    private final String repository;

    Conformance(Kpis kpis, KpiData data, Plan plan, Months months, ObjectProvider<PreventiveOccurrences> preventive,
            MessageSource messages, @Value("${desk.releases.repository:${DESK_RELEASES_REPOSITORY:}}") String repository) {
        this.kpis = kpis;
        this.data = data;
        this.plan = plan;
        this.months = months;
        this.preventive = preventive;
        this.messages = messages;
        this.repository = repository == null || repository.isBlank() ? null : repository.strip();
    }

    @Transactional(readOnly = true)
    public Report month(YearMonth month) {
        List<Rule> rules = new ArrayList<>();
        List<Figure> figures = kpis.month(month);
        for (Figure f : figures) {
            if (f.key().startsWith("sla_")) {
                rules.add(fromFigure(f, "4"));
            }
        }
        figures.stream().filter(f -> f.key().equals("tickets_with_tests")).findFirst()
                .ifPresent(f -> rules.add(fromFigure(f, "5")));
        String m = month.toString();
        rules.add(counted("api_changes_documented", "10", data.apiChanges(m)));
        rules.add(counted("postmortems_written", "14", data.postmortems(m)));
        rules.add(preventive(month));
        rules.addAll(repositoryRules(month));
        for (Figure f : figures) {
            if (plan.kpis().stream().anyMatch(k -> k.key().equals(f.key()))) {
                if (!f.key().equals("tickets_with_tests")) {
                    rules.add(fromFigure(f, "8"));
                }
            }
        }
        return new Report(m, rules);
    }

    /** The report as Markdown in French or English, for the monthly review. */
    public String markdown(YearMonth month, Locale locale) {
        Report report = month(month);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text("kpi.conformance.title", locale, month.toString())).append("\n\n");
        md.append(text("kpi.conformance.intro", locale, plan.name())).append("\n\n");
        md.append("| § | ").append(text("kpi.conformance.column.rule", locale)).append(" | ")
                .append(text("kpi.conformance.column.target", locale)).append(" | n | ")
                .append(text("kpi.conformance.column.kept", locale)).append(" | ")
                .append(text("kpi.conformance.column.status", locale)).append(" |\n");
        md.append("|---|---|---|---:|---:|---|\n");
        for (Rule r : report.rules()) {
            md.append("| ").append(r.section()).append(" | ").append(cell(ruleName(r.key(), locale))).append(" | ")
                    .append(cell(r.target() == null ? "—" : r.target())).append(" | ").append(r.n()).append(" | ")
                    .append(kept(r, locale)).append(" | ")
                    .append(text("kpi.status." + r.status().name(), locale)).append(" |\n");
        }
        md.append("\n").append(text("kpi.conformance.footer", locale)).append("\n");
        return md.toString();
    }

    /** The rule's name in the language: the KPI and SLA series names come from the plan or the bundle. */
    public String ruleName(String key, Locale locale) {
        var kpi = plan.kpis().stream().filter(k -> k.key().equals(key)).findFirst();
        if (kpi.isPresent()) {
            return kpi.get().name().in(locale.getLanguage());
        }
        if (key.startsWith("sla_take_charge_")) {
            return text("kpi.rule.sla_take_charge", locale, key.substring("sla_take_charge_".length()));
        }
        if (key.startsWith("sla_resolution_")) {
            return text("kpi.rule.sla_resolution", locale, key.substring("sla_resolution_".length()));
        }
        return text("kpi.rule." + key, locale);
    }

    private String kept(Rule r, Locale locale) {
        if (r.n() == 0) {
            return text("kpi.status.NO_DATA", locale);
        }
        if (r.key().equals("p1_mean_resolution_time") || r.key().equals("test_coverage")
                || r.key().equals("recurring_incidents")) {
            return r.rate() == null ? "—" : r.rate().toPlainString() + (r.key().equals("p1_mean_resolution_time") ? " h"
                    : r.key().equals("test_coverage") ? " pts" : "");
        }
        return r.kept() + " (" + (r.rate() == null ? "—" : r.rate().toPlainString() + " %") + ")";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Rule fromFigure(Figure f, String section) {
        long kept = f.details().get("met") instanceof Long l ? l
                : f.details().get("withTests") instanceof Long w ? w
                : f.details().get("successful") instanceof Long s ? s : 0;
        return new Rule(f.key(), section, f.n(), kept, f.value(), f.target(), f.status(), null);
    }

    private static Rule counted(String key, String section, Counts c) {
        return new Rule(key, section, c.n(), c.met(), KpiCalculators.percent(c.met(), c.n()), "100%",
                c.n() == 0 ? Status.NO_DATA : c.met() == c.n() ? Status.MET : Status.NOT_MET, null);
    }

    private Rule preventive(YearMonth month) {
        PreventiveOccurrences occurrences = preventive.getIfAvailable();
        if (occurrences == null) {
            return counted("preventive_on_time", "11", new Counts(0, 0));
        }
        var due = occurrences.dueBetween(month.atDay(1), month.plusMonths(1).atDay(1));
        long onTime = due.stream().filter(PreventiveOccurrences.Occurrence::doneOnTime).count();
        return counted("preventive_on_time", "11", new Counts(due.size(), onTime));
    }

    /** Commits following the convention, releases inside their windows, removals on time: from the git repository. */
    private List<Rule> repositoryRules(YearMonth month) {
        Counts commits = new Counts(0, 0);
        Counts releases = new Counts(0, 0);
        Counts removals = new Counts(0, 0);
        if (repository != null) {
            try (GitHistory git = GitHistory.open(Path.of(repository))) {
                Instant start = months.start(month);
                Instant end = months.end(month);
                String head = git.resolve("HEAD");
                List<GitCommit> inMonth = git.range(head, List.of()).stream()
                        .filter(c -> !c.time().isBefore(start) && c.time().isBefore(end) && !c.merge()).toList();
                CommitLinter linter = new CommitLinter(plan.changeManagement());
                long conventional = inMonth.stream().filter(c -> linter.lint(c.message()).isEmpty()).count();
                commits = new Counts(inMonth.size(), conventional);
                releases = releases(git, month);
                String before = git.range(head, List.of()).stream().filter(c -> c.time().isBefore(start))
                        .max(Comparator.comparing(GitCommit::time)).map(GitCommit::id).orElse(null);
                removals = removals(git, before, head, inMonth);
            } catch (RuntimeException e) {
                // an unreadable repository gives no data, as an unconfigured one
            }
        }
        return List.of(counted("commits_conventional", "6", commits), counted("releases_in_windows", "7", releases),
                counted("deprecations_removed_on_time", "13", removals));
    }

    private Counts releases(GitHistory git, YearMonth month) {
        ReleaseWindows windows = new ReleaseWindows(plan);
        List<dev.maintenancedesk.releases.VersionTag> tags = git.versionTags().stream()
                .sorted(Comparator.comparing(dev.maintenancedesk.releases.VersionTag::version)).toList();
        long n = 0;
        long kept = 0;
        for (int i = 0; i < tags.size(); i++) {
            var tag = tags.get(i);
            LocalDate day = months.day(tag.time());
            if (!YearMonth.from(day).equals(month)) {
                continue;
            }
            Version previous = i == 0 ? Version.ZERO : tags.get(i - 1).version();
            ReleaseTag kind = tag.version().major() != previous.major() ? ReleaseTag.MAJOR
                    : tag.version().minor() != previous.minor() ? ReleaseTag.MINOR : ReleaseTag.PATCH;
            n++;
            Optional<dev.maintenancedesk.calendar.ReleaseWindow> window = windows.firstOnOrAfter(day, kind);
            if (window.isPresent() && window.get().date().equals(day)) {
                kept++;
            }
        }
        return new Counts(n, kept);
    }

    private Counts removals(GitHistory git, String before, String head, List<GitCommit> inMonth) {
        List<GitCommit> removing = inMonth.stream().filter(c -> c.message() instanceof ConventionalCommit cc
                && !cc.footerValues(Deprecations.REMOVED).isEmpty()).toList();
        if (removing.isEmpty()) {
            return new Counts(0, 0);
        }
        var report = new RepositoryLint(plan).lint(git, before, head);
        long early = removing.stream().filter(c -> report.findings().stream().anyMatch(f -> f.commit().id().equals(c.id())
                && f.problems().stream().anyMatch(p -> p.rule() == CommitRule.REMOVAL_TOO_EARLY))).count();
        return new Counts(removing.size(), removing.size() - early);
    }
}
