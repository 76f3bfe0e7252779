package dev.maintenancedesk.backlog;

import java.util.Locale;
import org.springframework.context.MessageSource;
import java.util.stream.Collectors;

/**
 * A month's review minutes as Markdown, in French or English: the date and attendees, the decisions, the
 * ordered backlog with the reason of each rank, and the tech-debt share.
 */
final class MinutesMarkdown {

    private final MessageSource messages;
    private final Locale locale;
    private final String techDebtLabel;

    MinutesMarkdown(MessageSource messages, Locale locale, String techDebtLabel) {
        this.messages = messages;
        this.locale = locale;
        this.techDebtLabel = techDebtLabel;
    }

    /** A text of the minutes in the reader's language ({@code backlog.minutes.*} in the backlog bundle). */
    private String t(String key, Object... args) {
        return messages.getMessage("backlog.minutes." + key, args, locale);
    }

    String render(Backlog backlog) {
        Minutes m = backlog.minutes();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(t("title", backlog.month())).append("\n\n");
        md.append("- ").append(t("heldOn")).append(sep())
                .append(m.heldOn() == null ? t("notYet") : m.heldOn().toString()).append('\n');
        md.append("- ").append(t("attendees")).append(sep())
                .append(m.attendees().isEmpty() ? t("none") : String.join(", ", m.attendees())).append('\n');
        if (m.reviewTicket() != null) {
            md.append("- ").append(t("ticket")).append(sep()).append('#').append(m.reviewTicket()).append('\n');
        }
        md.append("- ").append(t("score")).append(sep()).append(t(backlog.scoreFormula())).append("\n\n");

        md.append("## ").append(t("decisions")).append("\n\n");
        if (m.decisions().isEmpty()) {
            md.append(t("noDecision")).append("\n\n");
        } else {
            md.append("| ").append(t("col.ticket")).append(" | ").append(t("col.title")).append(" | ")
                    .append(t("col.decision")).append(" | ").append(t("col.by")).append(" |\n|---|---|---|---|\n");
            for (DecisionRecord d : m.decisions()) {
                BacklogItem item = backlog.item(d.ticket());
                md.append("| #").append(d.ticket()).append(" | ").append(cell(item == null ? "" : item.title()))
                        .append(" | ").append(decision(d)).append(" | ").append(cell(d.decidedBy())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## ").append(t("ordered")).append("\n\n");
        if (backlog.cycle() != null) {
            md.append(t("cycle", backlog.cycleText())).append("\n\n");
        }
        if (backlog.items().isEmpty()) {
            md.append(t("empty")).append("\n\n");
        } else {
            md.append("| ").append(String.join(" | ", t("col.rank"), t("col.ticket"), t("col.title"),
                    t("col.value"), t("col.risk"), t("col.score"), t("col.reason")))
                    .append(" |\n|---:|---|---|---:|---:|---:|---|\n");
            for (BacklogItem i : backlog.items()) {
                md.append("| ").append(i.rank()).append(" | #").append(i.number()).append(" | ").append(cell(i.title()))
                        .append(" | ").append(value(i.userValue())).append(" | ").append(value(i.technicalRisk()))
                        .append(" | ").append(value(i.score())).append(" | ").append(reason(i.reason())).append(" |\n");
            }
            md.append('\n');
        }

        TechDebtShare share = backlog.techDebt();
        md.append("## ").append(t("debt")).append("\n\n");
        md.append("- ").append(t("share", techDebtLabel, share.count(), share.scope(), share.percent()))
                .append('\n');
        if (share.medianAgeDays() != null) {
            md.append("- ").append(t("age", share.medianAgeDays(), share.oldestAgeDays())).append('\n');
        }
        return md.toString();
    }

    private String sep() {
        return t("sep");
    }

    String reason(RankReason reason) {
        return switch (reason.code()) {
            case BLOCKS -> t("BLOCKS", reason.tickets().stream().map(n -> "#" + n).collect(Collectors.joining(", ")));
            case UNSCORED -> t("UNSCORED");
            default -> t(reason.code().name(), String.valueOf(reason.score()));
        };
    }

    private String decision(DecisionRecord d) {
        return d.decision() == Decision.PLAN ? t("PLAN", cell(d.release())) : t(d.decision().name());
    }

    private static String value(Integer v) {
        return v == null ? "—" : v.toString();
    }

    /** A table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
