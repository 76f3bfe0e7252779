package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PostmortemRule;
import dev.maintenancedesk.tickets.TicketView;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A post-mortem as Markdown in the plan's language: a header, then the plan's section-14 sections in their
 * order, each with its structured values (chronology table, impact figures, causes, fix tickets) and its text.
 */
final class PostmortemMarkdown {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Plan plan;
    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder();

    PostmortemMarkdown(Plan plan, MessageSource messages, Locale locale, ZoneId zone) {
        this.plan = plan;
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    PostmortemFile file(TicketView ticket, Postmortem pm, Instant start) {
        String name = start.atZone(zone).toLocalDate() + "-" + slug(ticket.title(), ticket.number()) + ".md";
        return new PostmortemFile(name, render(ticket, pm));
    }

    static String slug(String title, long number) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "incident-" + number : slug;
    }

    private String render(TicketView ticket, Postmortem pm) {
        line("# " + t("postmortem.md.title", String.valueOf(ticket.number()), ticket.title()));
        blank();
        line("- " + t("postmortem.md.ticket", "#" + ticket.number(), ticket.priority() == null ? "—" : ticket.priority().name(),
                t("state." + ticket.state())));
        line("- " + t("postmortem.md.zone", zone.getId()));
        if (pm.recurring()) {
            line("- " + t("postmortem.md.recurring", String.join(", ", pm.causes().stream()
                    .filter(Postmortem.LinkedCause::recurring).map(c -> t("postmortem.md.quoted", c.title())).toList())));
        }
        if (pm.updatedBy() != null) {
            line("- " + t("postmortem.md.updated", pm.updatedBy(), when(pm.updatedAt())));
        }
        String language = locale.getLanguage();
        for (PostmortemRule.PostmortemSection section : plan.postmortem().sections()) {
            blank();
            line("## " + section.title().in(language));
            blank();
            boolean values = switch (section.key()) {
                case "timeline" -> timeline(pm);
                case "impact" -> impact(pm.impact());
                case "root_cause" -> causes(pm);
                case "long_term_fixes" -> actions(pm);
                default -> false;
            };
            String text = pm.sections().stream().filter(s -> s.key().equals(section.key())).map(Postmortem.Section::text)
                    .findFirst().orElse("");
            if (!text.isBlank()) {
                if (values) {
                    blank();
                }
                line(text.strip());
            } else if (!values) {
                line("_" + t("postmortem.md.empty") + "_");
            }
        }
        return out.toString();
    }

    private boolean timeline(Postmortem pm) {
        List<ChronologyLine> lines = pm.chronology();
        if (lines.isEmpty()) {
            return false;
        }
        line("| " + t("postmortem.md.time", zone.getId()) + " | " + t("postmortem.md.source") + " | "
                + t("postmortem.md.event") + " |");
        line("|---|---|---|");
        for (ChronologyLine l : lines) {
            line("| " + when(l.at()) + " | " + t("postmortem.source." + l.source()) + " | " + cell(l.text()) + " |");
        }
        return true;
    }

    private boolean impact(Impact impact) {
        if (impact.startedAt() == null && impact.detectedAt() == null && impact.endedAt() == null
                && impact.usersAffected() == null) {
            return false;
        }
        line("- " + pair("postmortem.impact.startedAt", when(impact.startedAt())));
        line("- " + pair("postmortem.impact.detectedAt", when(impact.detectedAt())));
        line("- " + pair("postmortem.impact.endedAt", when(impact.endedAt())));
        line("- " + pair("postmortem.impact.duration", duration(impact.duration())));
        line("- " + pair("postmortem.impact.usersAffected",
                impact.usersAffected() == null ? "—" : impact.usersAffected().toString()));
        return true;
    }

    private boolean causes(Postmortem pm) {
        for (Postmortem.LinkedCause c : pm.causes()) {
            String others = c.otherIncidents().isEmpty() ? ""
                    : " — " + t("postmortem.md.alsoExplains", String.join(", ", c.otherIncidents().stream().map(n -> "#" + n).toList()));
            line("- " + c.title() + " (" + t("postmortem.category." + c.category()) + ", "
                    + t("postmortem.status." + c.status()) + ")" + (c.recurring() ? " — " + t("postmortem.recurring") : "")
                    + others);
        }
        return !pm.causes().isEmpty();
    }

    private boolean actions(Postmortem pm) {
        if (pm.actions().isEmpty()) {
            return false;
        }
        line("| " + t("postmortem.action.ticket") + " | " + t("postmortem.action.title") + " | " + t("postmortem.action.type")
                + " | " + t("postmortem.action.owner") + " | " + t("postmortem.action.dueOn") + " | "
                + t("postmortem.action.state") + " |");
        line("|---|---|---|---|---|---|");
        for (CorrectiveAction a : pm.actions()) {
            line("| #" + a.ticket() + " | " + cell(a.title()) + " | " + t("type." + a.type()) + " | "
                    + (a.owner() == null ? "—" : a.owner()) + " | " + a.dueOn() + " | " + t("state." + a.state())
                    + (a.overdue() ? " (" + t("postmortem.action.overdue") + ")" : "") + " |");
        }
        return true;
    }

    private String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long minutes = d.toMinutes();
        return minutes >= 60 ? t("postmortem.duration.hours", minutes / 60, minutes % 60) : t("postmortem.duration.minutes", minutes);
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "—" : t.format(WHEN);
    }

    private static String cell(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    private String pair(String label, String value) {
        return t("postmortem.md.pair", t(label), value);
    }

    private String t(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private void blank() {
        out.append('\n');
    }
}
