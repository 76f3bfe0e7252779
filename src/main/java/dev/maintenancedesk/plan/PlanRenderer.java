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
 * follow the seed's own lines in a separate paragraph, so the seed's text stays recognisable.
 */
public final class PlanRenderer {

    public static final List<String> LANGUAGES = List.of("fr", "en");

    private final Plan plan;
    private final String lang;
    private final StringBuilder out = new StringBuilder();

    private PlanRenderer(Plan plan, String lang) {
        this.plan = plan;
        this.lang = lang;
    }

    /** @throws IllegalArgumentException for a language other than {@code fr} or {@code en} */
    public static String render(Plan plan, String lang) {
        if (lang == null || !LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("unknown language \"" + lang + "\" (expected: fr, en)");
        }
        return new PlanRenderer(plan, lang).document();
    }

    private String t(String fr, String en) {
        return "en".equals(lang) ? en : fr;
    }

    private String t(Localized text) {
        return text.in(lang);
    }

    private String document() {
        line(t("# Plan de Maintenance – Projet ", "# Maintenance Plan – ") + plan.name() + t("", " Project"));
        section(1, t("Objectifs", "Objectives"));
        line(t(plan.objectives()));
        section(2, t("Types de Maintenance", "Maintenance Types"));
        table(List.of("Type", "Description"), plan.maintenanceTypes().stream()
                .map(m -> List.of(t(m.name()), t(m.description()))).toList());
        ticketing();
        sla();
        workflow();
        changeManagement();
        releases();
        section(8, t("Indicateurs Suivi", "Tracking Indicators"));
        table(List.of("KPI", t("Objectif", "Target")),
                plan.kpis().stream().map(k -> List.of(t(k.name()), t(k.target().text()))).toList());
        backlog();
        documentation();
        section(11, t("Préventif", "Preventive Maintenance"));
        table(List.of("Action", t("Fréquence", "Frequency")), plan.preventive().stream()
                .map(a -> List.of(t(a.name()), t(a.frequency().feminine()))).toList());
        watch();
        deprecation();
        postmortem();
        section(15, t("Améliorations Futures", "Future Improvements"));
        plan.futureImprovements().forEach(f -> line("- " + t(f)));
        return out.toString();
    }

    private void ticketing() {
        section(3, t("Outil de Ticketing", "Ticketing Tool"));
        line("- " + plan.ticketing().tool() + ".");
        line("- Labels: " + String.join(", ", plan.ticketing().labels()) + ".");
        line(t("- Priorités: ", "- Priorities: ") + plan.priorities().stream()
                .map(p -> p.key() + " (" + t(p.name()) + ")").collect(Collectors.joining(", ")) + ".");
        List<String> extra = plan.labels().stream().map(Label::name)
                .filter(l -> !plan.ticketing().labels().contains(l)).toList();
        if (!extra.isEmpty()) {
            blank();
            line(t("Étiquettes issues des autres sections : ", "Labels from other sections: ")
                    + String.join(", ", extra) + ".");
        }
    }

    private void sla() {
        section(4, t("SLA (Incidents)", "SLA (Incidents)"));
        table(List.of(t("Priorité", "Priority"), t("Définition", "Definition"),
                        t("Délai prise en compte", "Take-charge time"), t("Délai correction cible", "Target resolution time")),
                plan.sla().targets().stream().map(s -> List.of(s.priority().name(),
                        t(plan.priority(s.priority()).definition()), target(s.takeCharge()), target(s.resolution())))
                        .toList());
        CalendarSettings c = plan.calendar();
        blank();
        line(t("Délais en temps ouvré : ", "Business time: ") + hours(c) + " (" + c.zone() + ")"
                + t(", jours fériés ", ", public holidays ") + c.holidays().country()
                + (c.holidays().region() == null ? "" : "-" + c.holidays().region())
                + (c.closures().isEmpty() ? "" : t(", fermetures ", ", closures ")
                        + c.closures().stream().map(Object::toString).collect(Collectors.joining(", ")))
                + t(" ; 1 jour = ", "; 1 day = ") + duration(c.standardDayMinutes()) + t(" ouvrées.", " of business time."));
        line(t("Ticket « à risque » à ", "A ticket is at risk at ") + percent(plan.sla().atRiskThreshold())
                + t(" du délai ; changement de priorité : ", " of a target; priority change: ")
                + (plan.sla().priorityChange() == SlaPolicy.PriorityChange.RECOMPUTE
                        ? t("délais recalculés depuis la création.", "targets recomputed from creation.")
                        : t("délais relancés au changement.", "clocks restart at the change.")));
    }

    private String target(SlaTarget target) {
        if (target instanceof BusinessDuration d) {
            long n = d.amount();
            return "≤ " + switch (d.unit()) {
                case MINUTES -> n + t(" min ouvrée" + (n > 1 ? "s" : ""), " business minute" + (n > 1 ? "s" : ""));
                case HOURS -> n + t("h ouvrée" + (n > 1 ? "s" : ""), " business hour" + (n > 1 ? "s" : ""));
                case DAYS -> n + t(" jour" + (n > 1 ? "s" : ""), " business day" + (n > 1 ? "s" : ""));
            };
        }
        return t("Planifié release", "Planned in a release");
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
                    .collect(Collectors.joining(t(" et ", " and "))));
            i = j;
        }
        return String.join(", ", groups);
    }

    private String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag(lang));
    }

    private void workflow() {
        section(5, t("Workflow Ticket", "Ticket Workflow"));
        List<Workflow.WorkflowStep> steps = plan.workflow().steps();
        for (int i = 0; i < steps.size(); i++) {
            Workflow.WorkflowStep s = steps.get(i);
            line((i + 1) + ". " + t(s.name()) + (s.detail() == null ? "" : " (" + t(s.detail()) + ")") + ".");
        }
        List<String> extras = new ArrayList<>();
        if (!plan.testsExemptLabels().isEmpty()) {
            extras.add(t("Dispensés de tests : tickets étiquetés ", "Exempt from tests: tickets labelled ")
                    + String.join(", ", plan.testsExemptLabels()) + ".");
        }
        if (!plan.templates().isEmpty()) {
            extras.add(t("Templates : ", "Templates: ") + plan.templates().stream().map(tp -> t(tp.name()))
                    .collect(Collectors.joining(", ")) + ".");
        }
        paragraph(extras);
    }

    private void changeManagement() {
        ChangeManagement cm = plan.changeManagement();
        section(6, "Change Management");
        line(cm.pullRequestRequired() ? t("- PR obligatoire.", "- Pull request mandatory.")
                : t("- PR facultative.", "- Pull request optional."));
        line(cm.automatedTestsRequired() ? t("- Tests automatiques obligatoires.", "- Automated tests mandatory.")
                : t("- Tests automatiques facultatifs.", "- Automated tests optional."));
        line(t("- Convention commit (", "- Commit convention (") + cm.commitTypes().stream().map(c -> c + ":")
                .collect(Collectors.joining(", ")) + ").");
        line("- Release notes " + t(cm.releaseNotes()) + ".");
        List<String> extras = new ArrayList<>();
        if (!cm.alsoAcceptedCommitTypes().isEmpty()) {
            extras.add(t("Types également acceptés : ", "Also accepted types: ")
                    + String.join(", ", cm.alsoAcceptedCommitTypes()) + ".");
        }
        if (!cm.apiPaths().isEmpty()) {
            extras.add(t("Impact API : ", "API impact: ") + code(cm.apiPaths()) + t(" ; documentation : ", "; documentation: ")
                    + code(cm.docPaths()) + t(" ; changelog : `", "; changelog: `") + cm.changelog() + "`.");
        }
        paragraph(extras);
    }

    private static String code(List<String> items) {
        return items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "));
    }

    private void releases() {
        section(7, t("Calendrier Release", "Release Calendar"));
        table(List.of(t("Fréquence", "Frequency"), t("Contenu", "Content"), "Tag"), plan.releaseCalendar().stream()
                .map(r -> List.of(t(r.frequency().masculine()) + (r.ifNeeded() ? t(" (si besoin)", " (if needed)") : ""),
                        t(r.content()), String.valueOf(r.tag())))
                .toList());
        paragraph(List.of(t("Fenêtres (RRULE RFC 5545) : ", "Windows (RFC 5545 RRULE): ") + plan.releaseCalendar()
                .stream().map(r -> r.tag() + " `" + r.window() + "`").collect(Collectors.joining(", ")) + "."));
    }

    private void backlog() {
        BacklogReview b = plan.backlog();
        section(9, t("Backlog & Priorisation", "Backlog & Prioritisation"));
        line(t("- Revue " + t(b.review().feminine()).toLowerCase(Locale.ROOT) + ".", "- " + t(b.review().feminine()) + " review."));
        line(t("- Critères: ", "- Criteria: ") + b.criteria().stream().map(c -> t(c.name()))
                .collect(Collectors.joining(", ")) + ".");
        line(t("- Architecture dette technique: suivi étiquette “", "- Architecture technical debt: tracked with the “")
                + b.techDebtLabel() + t("”.", "” label."));
    }

    private void documentation() {
        DocumentationRules d = plan.documentation();
        section(10, "Documentation");
        List<String> updates = new ArrayList<>();
        if (d.apiChangeRequiresDocs()) {
            updates.add("doc");
        }
        if (d.apiChangeRequiresChangelog()) {
            updates.add("changelog");
        }
        if (!updates.isEmpty()) {
            line(t("- Toute évolution impactant API → mise à jour ", "- Any change impacting the API → update ")
                    + String.join(" + ", updates) + ".");
        }
        line(t("- Procédures ajoutées dans ", "- Procedures added in ") + d.proceduresDir() + ".");
    }

    private void watch() {
        Watch w = plan.watch();
        section(12, t("Veille", "Technology Watch"));
        line("Sources: " + w.sources().stream().map(Watch.Source::name).collect(Collectors.joining(", ")) + ". "
                + t("Consolidation " + t(w.consolidation().feminine()).toLowerCase(Locale.ROOT) + " → ticket “"
                        + w.label() + "”.", t(w.consolidation().feminine()) + " consolidation → “" + w.label() + "” ticket."));
        paragraph(w.sources().stream().filter(s -> s.url() != null)
                .map(s -> "- " + s.name() + " : <" + s.url() + ">"
                        + (s.packages().isEmpty() ? "" : " (" + String.join(", ", s.packages()) + ")"))
                .map(s -> "en".equals(lang) ? s.replace(" : <", ": <") : s).toList());
    }

    private void deprecation() {
        DeprecationPolicy d = plan.deprecation();
        section(13, t("Fin de Vie / Dépréciation", "End of Life / Deprecation"));
        List<String> parts = new ArrayList<>();
        if (d.releaseNotesTag()) {
            parts.add(t("tag dans release notes", "tag in release notes"));
        }
        if (d.withdrawalPlanRequired()) {
            parts.add(t("plan retrait", "withdrawal plan"));
        }
        line(t("- Fonction marquée “", "- Feature marked “") + d.label() + "”"
                + (parts.isEmpty() ? "." : " -> " + String.join(" + ", parts) + "."));
        line(t("- Suppression > ", "- Removal > ") + d.removalAfterMinorReleases()
                + t(" cycles MINOR après annonce.", " MINOR cycles after announcement."));
    }

    private void postmortem() {
        PostmortemRule p = plan.postmortem();
        section(14, "Post-mortem");
        List<String> scope = new ArrayList<>(p.priorities().stream().map(Priority::name).toList());
        p.labels().forEach(l -> scope.add(plan.label(l).map(x -> t(x.description())).orElse(l)));
        line(t("Pour ", "For ") + String.join(" / ", scope) + ":");
        p.sections().forEach(s -> line("- " + t(s.title())));
    }

    private void section(int number, String title) {
        blank();
        line("## " + number + ". " + title);
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
