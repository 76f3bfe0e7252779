package dev.maintenancedesk.backlog;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A month's review minutes as Markdown, in French or English: the date and attendees, the decisions, the
 * ordered backlog with the reason of each rank, and the tech-debt share.
 */
final class MinutesMarkdown {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "fr", Map.ofEntries(
                    Map.entry("title", "Revue mensuelle du backlog — %s"),
                    Map.entry("heldOn", "Date"), Map.entry("notYet", "pas encore tenue"),
                    Map.entry("attendees", "Participants"), Map.entry("none", "aucun"),
                    Map.entry("ticket", "Ticket de la revue"),
                    Map.entry("score", "Score"),
                    Map.entry("VALUE_TIMES_RISK", "valeur utilisateur × risque technique"),
                    Map.entry("VALUE_PLUS_RISK", "valeur utilisateur + risque technique"),
                    Map.entry("decisions", "Décisions"), Map.entry("noDecision", "Aucune décision enregistrée."),
                    Map.entry("col.ticket", "Ticket"), Map.entry("col.title", "Titre"),
                    Map.entry("col.decision", "Décision"), Map.entry("col.by", "Par"),
                    Map.entry("KEEP", "Garder"), Map.entry("PLAN", "Planifier pour %s"), Map.entry("DROP", "Abandonner"),
                    Map.entry("ordered", "Backlog ordonné"), Map.entry("empty", "Le backlog est vide."),
                    Map.entry("cycle", "Les dépendances forment un cycle (%s) : ordre par score seul."),
                    Map.entry("col.rank", "Rang"), Map.entry("col.value", "Valeur"), Map.entry("col.risk", "Risque"),
                    Map.entry("col.score", "Score"), Map.entry("col.reason", "Raison"),
                    Map.entry("BLOCKS", "bloque %s"), Map.entry("SCORE", "score %s"),
                    Map.entry("TIE_OLDER", "score %s, à égalité, plus ancien"),
                    Map.entry("TIE_NEWER", "score %s, à égalité, plus récent"), Map.entry("UNSCORED", "non noté"),
                    Map.entry("debt", "Dette technique"),
                    Map.entry("share", "Tickets `%s` : %d sur %d (%d %%)"),
                    Map.entry("age", "Âge médian : %d jours ; plus ancien : %d jours")),
            "en", Map.ofEntries(
                    Map.entry("title", "Monthly backlog review — %s"),
                    Map.entry("heldOn", "Date"), Map.entry("notYet", "not held yet"),
                    Map.entry("attendees", "Attendees"), Map.entry("none", "none"),
                    Map.entry("ticket", "Review ticket"),
                    Map.entry("score", "Score"),
                    Map.entry("VALUE_TIMES_RISK", "user value × technical risk"),
                    Map.entry("VALUE_PLUS_RISK", "user value + technical risk"),
                    Map.entry("decisions", "Decisions"), Map.entry("noDecision", "No decision recorded."),
                    Map.entry("col.ticket", "Ticket"), Map.entry("col.title", "Title"),
                    Map.entry("col.decision", "Decision"), Map.entry("col.by", "By"),
                    Map.entry("KEEP", "Keep"), Map.entry("PLAN", "Plan for %s"), Map.entry("DROP", "Drop"),
                    Map.entry("ordered", "Ordered backlog"), Map.entry("empty", "The backlog is empty."),
                    Map.entry("cycle", "The dependencies form a cycle (%s): ordered by score alone."),
                    Map.entry("col.rank", "Rank"), Map.entry("col.value", "Value"), Map.entry("col.risk", "Risk"),
                    Map.entry("col.score", "Score"), Map.entry("col.reason", "Reason"),
                    Map.entry("BLOCKS", "blocks %s"), Map.entry("SCORE", "score %s"),
                    Map.entry("TIE_OLDER", "score %s, tied, older"),
                    Map.entry("TIE_NEWER", "score %s, tied, newer"), Map.entry("UNSCORED", "not scored"),
                    Map.entry("debt", "Technical debt"),
                    Map.entry("share", "`%s` tickets: %d of %d (%d %%)"),
                    Map.entry("age", "Median age: %d days; oldest: %d days")));

    private final Map<String, String> t;
    private final String techDebtLabel;

    MinutesMarkdown(String language, String techDebtLabel) {
        this.t = TEXTS.getOrDefault(language, TEXTS.get("fr"));
        this.techDebtLabel = techDebtLabel;
    }

    String render(Backlog backlog) {
        Minutes m = backlog.minutes();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(t.get("title").formatted(backlog.month())).append("\n\n");
        md.append("- ").append(t.get("heldOn")).append(sep())
                .append(m.heldOn() == null ? t.get("notYet") : m.heldOn().toString()).append('\n');
        md.append("- ").append(t.get("attendees")).append(sep())
                .append(m.attendees().isEmpty() ? t.get("none") : String.join(", ", m.attendees())).append('\n');
        if (m.reviewTicket() != null) {
            md.append("- ").append(t.get("ticket")).append(sep()).append('#').append(m.reviewTicket()).append('\n');
        }
        md.append("- ").append(t.get("score")).append(sep()).append(t.get(backlog.scoreFormula())).append("\n\n");

        md.append("## ").append(t.get("decisions")).append("\n\n");
        if (m.decisions().isEmpty()) {
            md.append(t.get("noDecision")).append("\n\n");
        } else {
            md.append("| ").append(t.get("col.ticket")).append(" | ").append(t.get("col.title")).append(" | ")
                    .append(t.get("col.decision")).append(" | ").append(t.get("col.by")).append(" |\n|---|---|---|---|\n");
            for (DecisionRecord d : m.decisions()) {
                BacklogItem item = backlog.item(d.ticket());
                md.append("| #").append(d.ticket()).append(" | ").append(cell(item == null ? "" : item.title()))
                        .append(" | ").append(decision(d)).append(" | ").append(cell(d.decidedBy())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## ").append(t.get("ordered")).append("\n\n");
        if (backlog.cycle() != null) {
            md.append(t.get("cycle").formatted(backlog.cycleText())).append("\n\n");
        }
        if (backlog.items().isEmpty()) {
            md.append(t.get("empty")).append("\n\n");
        } else {
            md.append("| ").append(String.join(" | ", t.get("col.rank"), t.get("col.ticket"), t.get("col.title"),
                    t.get("col.value"), t.get("col.risk"), t.get("col.score"), t.get("col.reason")))
                    .append(" |\n|---:|---|---|---:|---:|---:|---|\n");
            for (BacklogItem i : backlog.items()) {
                md.append("| ").append(i.rank()).append(" | #").append(i.number()).append(" | ").append(cell(i.title()))
                        .append(" | ").append(value(i.userValue())).append(" | ").append(value(i.technicalRisk()))
                        .append(" | ").append(value(i.score())).append(" | ").append(reason(i.reason())).append(" |\n");
            }
            md.append('\n');
        }

        TechDebtShare share = backlog.techDebt();
        md.append("## ").append(t.get("debt")).append("\n\n");
        md.append("- ").append(t.get("share").formatted(techDebtLabel, share.count(), share.scope(), share.percent()))
                .append('\n');
        if (share.medianAgeDays() != null) {
            md.append("- ").append(t.get("age").formatted(share.medianAgeDays(), share.oldestAgeDays())).append('\n');
        }
        return md.toString();
    }

    private String sep() {
        return t == TEXTS.get("fr") ? " : " : ": ";
    }

    String reason(RankReason reason) {
        String text = t.get(reason.code().name());
        return switch (reason.code()) {
            case BLOCKS -> text.formatted(reason.tickets().stream().map(n -> "#" + n).collect(Collectors.joining(", ")));
            case UNSCORED -> text;
            default -> text.formatted(reason.score());
        };
    }

    private String decision(DecisionRecord d) {
        return d.decision() == Decision.PLAN ? t.get("PLAN").formatted(cell(d.release())) : t.get(d.decision().name());
    }

    private static String value(Integer v) {
        return v == null ? "—" : v.toString();
    }

    /** A table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
