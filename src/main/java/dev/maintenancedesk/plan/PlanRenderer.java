package dev.maintenancedesk.plan;

import dev.maintenancedesk.plan.CalendarSettings.TimeRange;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes a plan back as the Markdown document it came from: the seed's fifteen sections, headings and
 * tables, in French or English. Values the seed leaves open (calendar, release windows, thresholds)
 * follow the seed's own lines in a separate paragraph, so the seed's text stays recognisable. The words
 * around the plan's values are the {@code plan.*} texts of the message bundles; the plan's own texts come
 * localised from the plan.
 */
public final class PlanRenderer {

    public static final List<String> LANGUAGES = Texts.LANGUAGES;

    private final Plan plan;
    private final String lang;
    private final Texts texts;
    private final StringBuilder out = new StringBuilder();

    private PlanRenderer(Plan plan, String lang) {
        this.plan = plan;
        this.lang = lang;
        this.texts = Texts.in(lang);
    }

    /** @throws IllegalArgumentException for a language other than {@code fr} or {@code en} */
    public static String render(Plan plan, String lang) {
        return new PlanRenderer(plan, lang).document();
    }

    private String text(String key, Object... args) {
        return texts.get("plan." + key, args);
    }

    private String t(Localized text) {
        return text.in(lang);
    }

    private String document() {
        line(text("title", plan.name()));
        section(1);
        line(t(plan.objectives()));
        section(2);
        table(List.of(text("column.type"), text("column.description")), plan.maintenanceTypes().stream()
                .map(m -> List.of(t(m.name()), t(m.description()))).toList());
        ticketing();
        sla();
        workflow();
        changeManagement();
        releases();
        section(8);
        table(List.of(text("column.kpi"), text("column.target")),
                plan.kpis().stream().map(k -> List.of(t(k.name()), t(k.target().text()))).toList());
        backlog();
        documentation();
        section(11);
        preventive();
        watch();
        deprecation();
        postmortem();
        section(15);
        plan.futureImprovements().forEach(f -> line("- " + t(f)));
        return out.toString();
    }

    private void ticketing() {
        section(3);
        line("- " + plan.ticketing().tool() + ".");
        line(text("ticketing.labels", String.join(", ", plan.ticketing().labels())));
        line(text("ticketing.priorities", plan.priorities().stream()
                .map(p -> p.key() + " (" + t(p.name()) + ")").collect(Collectors.joining(", "))));
        List<String> extra = plan.labels().stream().map(Label::name)
                .filter(l -> !plan.ticketing().labels().contains(l)).toList();
        if (!extra.isEmpty()) {
            blank();
            line(text("ticketing.otherLabels", String.join(", ", extra)));
        }
    }

    private void sla() {
        section(4);
        table(List.of(text("column.priority"), text("column.definition"), text("column.takeCharge"),
                        text("column.resolution")),
                plan.sla().targets().stream().map(s -> List.of(s.priority().name(),
                        t(plan.priority(s.priority()).definition()), target(s.takeCharge()), target(s.resolution())))
                        .toList());
        CalendarSettings c = plan.calendar();
        blank();
        line(text("sla.businessTime", hours(c), c.zone().toString(),
                c.holidays().country() + (c.holidays().region() == null ? "" : "-" + c.holidays().region()),
                c.closures().isEmpty() ? "" : text("sla.closures",
                        c.closures().stream().map(Object::toString).collect(Collectors.joining(", "))),
                duration(c.standardDayMinutes())));
        line(text("sla.atRisk", percent(plan.sla().atRiskThreshold()),
                text(plan.sla().priorityChange() == SlaPolicy.PriorityChange.RECOMPUTE ? "sla.recompute" : "sla.restart")));
    }

    /** "≤ 1h ouvrée" for an amount of business time; "Planifié release" as it is. */
    private String target(SlaTarget target) {
        String wording = texts.get(SlaTargetText.of(target));
        return target instanceof BusinessDuration ? text("sla.atMost", wording) : wording;
    }

    private static String duration(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes / 60 + "h" + String.format("%02d", minutes % 60);
    }

    private static String percent(double ratio) {
        return BigDecimal.valueOf(ratio * 100).stripTrailingZeros().toPlainString() + " %";
    }

    /** "lundi–vendredi 09:00–18:00": consecutive days with the same hours are grouped. */
    private String hours(CalendarSettings c) {
        List<String> groups = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        String and = " " + text("and") + " ";
        for (int i = 0; i < days.length; i++) {
            List<TimeRange> ranges = c.hoursOn(days[i]);
            if (ranges.isEmpty()) {
                continue;
            }
            int j = i;
            while (j + 1 < days.length && c.hoursOn(days[j + 1]).equals(ranges)) {
                j++;
            }
            String span = dayName(days[i]) + (j > i ? "–" + dayName(days[j]) : "");
            groups.add(span + " " + ranges.stream().map(r -> r.start() + "–" + r.end())
                    .collect(Collectors.joining(and)));
            i = j;
        }
        return String.join(", ", groups);
    }

    private String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, texts.locale());
    }

    private void workflow() {
        section(5);
        List<Workflow.WorkflowStep> steps = plan.workflow().steps();
        for (int i = 0; i < steps.size(); i++) {
            Workflow.WorkflowStep s = steps.get(i);
            line((i + 1) + ". " + t(s.name()) + (s.detail() == null ? "" : " (" + t(s.detail()) + ")") + ".");
        }
        List<String> extras = new ArrayList<>();
        if (!plan.testsExemptLabels().isEmpty()) {
            extras.add(text("workflow.testsExempt", String.join(", ", plan.testsExemptLabels())));
        }
        if (!plan.templates().isEmpty()) {
            extras.add(text("workflow.templates", plan.templates().stream().map(tp -> t(tp.name()))
                    .collect(Collectors.joining(", "))));
        }
        paragraph(extras);
    }

    private void changeManagement() {
        ChangeManagement cm = plan.changeManagement();
        section(6);
        line(text(cm.pullRequestRequired() ? "change.pr.required" : "change.pr.optional"));
        line(text(cm.automatedTestsRequired() ? "change.tests.required" : "change.tests.optional"));
        line(text("change.commits", cm.commitTypes().stream().map(c -> c + ":").collect(Collectors.joining(", "))));
        line(text("change.releaseNotes", t(cm.releaseNotes())));
        List<String> extras = new ArrayList<>();
        if (!cm.alsoAcceptedCommitTypes().isEmpty()) {
            extras.add(text("change.alsoAccepted", String.join(", ", cm.alsoAcceptedCommitTypes())));
        }
        if (!cm.apiPaths().isEmpty()) {
            extras.add(text("change.apiImpact", code(cm.apiPaths()), code(cm.docPaths()), cm.changelog()));
        }
        paragraph(extras);
    }

    private static String code(List<String> items) {
        return items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "));
    }

    private void releases() {
        section(7);
        table(List.of(text("column.frequency"), text("column.content"), text("column.tag")), plan.releaseCalendar()
                .stream().map(r -> List.of(r.ifNeeded() ? text("releases.ifNeeded", t(r.frequency().masculine()))
                        : t(r.frequency().masculine()), t(r.content()), String.valueOf(r.tag())))
                .toList());
        // In words for a business audience ("le premier mardi de chaque mois"); the rule itself only when the
        // words cannot say it exactly.
        paragraph(List.of(text("releases.windows", plan.releaseCalendar().stream()
                .map(r -> text("releases.window", r.tag(), RecurrenceWords.describe(r.window(), lang)))
                .collect(Collectors.joining(text("releases.windowSeparator"))))));
    }

    /** The seed's table (action, frequency), then each action's days in words, due delay and checklist. */
    private void preventive() {
        table(List.of(text("column.action"), text("column.frequency")), plan.preventive().stream()
                .map(a -> List.of(t(a.name()), a.frequency() == null ? a.rhythm(lang) : t(a.frequency().feminine())))
                .toList());
        paragraph(plan.preventive().stream().map(a -> text("preventive.action", t(a.name()), a.rhythm(lang),
                a.dueBusinessDays(), a.checklist().stream().map(this::t).collect(Collectors.joining("en".equals(lang) ? "; " : " ; ")))).toList());
    }

    private void backlog() {
        BacklogReview b = plan.backlog();
        section(9);
        String review = t(b.review().feminine());
        line(text("backlog.review", review, review.toLowerCase(Locale.ROOT)));
        line(text("backlog.criteria", b.criteria().stream().map(c -> t(c.name())).collect(Collectors.joining(", "))));
        line(text("backlog.techDebt", b.techDebtLabel()));
    }

    private void documentation() {
        DocumentationRules d = plan.documentation();
        section(10);
        List<String> updates = new ArrayList<>();
        if (d.apiChangeRequiresDocs()) {
            updates.add(text("documentation.doc"));
        }
        if (d.apiChangeRequiresChangelog()) {
            updates.add(text("documentation.changelog"));
        }
        if (!updates.isEmpty()) {
            line(text("documentation.apiChange", String.join(" + ", updates)));
        }
        line(text("documentation.procedures", d.proceduresDir()));
    }

    private void watch() {
        Watch w = plan.watch();
        section(12);
        String consolidation = t(w.consolidation().feminine());
        line(text("watch.line", w.sources().stream().map(Watch.Source::name).distinct().collect(Collectors.joining(", ")),
                consolidation, consolidation.toLowerCase(Locale.ROOT), w.label()));
        paragraph(w.sources().stream().filter(s -> s.url() != null)
                .map(s -> text("watch.source", s.name(), s.url(),
                        s.packages().isEmpty() ? "" : " (" + String.join(", ", s.packages()) + ")"))
                .toList());
    }

    private void deprecation() {
        DeprecationPolicy d = plan.deprecation();
        section(13);
        List<String> parts = new ArrayList<>();
        if (d.releaseNotesTag()) {
            parts.add(text("deprecation.releaseNotesTag"));
        }
        if (d.withdrawalPlanRequired()) {
            parts.add(text("deprecation.withdrawalPlan"));
        }
        line(text("deprecation.marked", d.label(), parts.isEmpty() ? "" : " -> " + String.join(" + ", parts)));
        line(text("deprecation.removal", String.valueOf(d.removalAfterMinorReleases())));
    }

    private void postmortem() {
        PostmortemRule p = plan.postmortem();
        section(14);
        List<String> scope = new ArrayList<>(p.priorities().stream().map(Priority::name).toList());
        p.labels().forEach(l -> scope.add(plan.label(l).map(x -> t(x.description())).orElse(l)));
        line(text("postmortem.scope", String.join(" / ", scope)));
        p.sections().forEach(s -> line("- " + t(s.title())));
    }

    private void section(int number) {
        blank();
        line("## " + number + ". " + text("section." + number));
    }

    private void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line(header.stream().map(h -> "-".repeat(h.length() + 2)).collect(Collectors.joining("|", "|", "|")));
        rows.forEach(r -> line("| " + r.stream().map(c -> Objects.toString(c, "").replace("|", "\\|"))
                .collect(Collectors.joining(" | ")) + " |"));
    }

    private void paragraph(List<String> lines) {
        if (!lines.isEmpty()) {
            blank();
            lines.forEach(this::line);
        }
    }

    private void blank() {
        out.append('\n');
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
