package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PostmortemRule.PostmortemSection;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.postmortem.Postmortems;
import dev.maintenancedesk.tickets.Comment;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.Move;
import dev.maintenancedesk.tickets.TicketAction;
import dev.maintenancedesk.tickets.TicketPermissions;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import dev.maintenancedesk.web.Markdown;
import dev.maintenancedesk.web.SlaClocks;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /tickets/{number}}: the ticket with its sanitised description, the moves the viewer may attempt
 * (with the unmet requirements of the blocked ones), the edit form, links, comments, post-mortem and
 * history. Every change is a POST form (CSRF) answered by a redirect back; a refusal of the tickets
 * module comes back as a flash {@link UiProblem} shown next to the form that caused it.
 */
@Controller
class TicketPageController {

    private final Tickets tickets;
    private final Postmortems postmortems;
    private final Plan plan;
    private final Users users;
    private final Markdown markdown;
    private final Viewer viewer;
    private final MessageSource messages;
    private final SlaClocks slaClocks;

    TicketPageController(Tickets tickets, Postmortems postmortems, Plan plan, Users users, Markdown markdown,
            Viewer viewer, MessageSource messages, SlaClocks slaClocks) {
        this.messages = messages;
        this.slaClocks = slaClocks;
        this.tickets = tickets;
        this.postmortems = postmortems;
        this.plan = plan;
        this.users = users;
        this.markdown = markdown;
        this.viewer = viewer;
    }

    /** A move the tickets module offers the viewer, with the words its button says. */
    record ShownMove(TicketState to, List<String> missing, boolean needsReason, String label) {
        public boolean blocked() {
            return !missing.isEmpty();
        }
    }

    record ShownComment(long id, String author, String html, OffsetDateTime createdAt) {}

    /** A history entry with its values readable: states, types, priorities and flags translated, long texts left out. */
    record HistoryLine(OffsetDateTime at, String actor, String action, String field, String before, String after,
            String reason) implements Serializable {}

    /**
     * What the edit form shows: the ticket's values, or after a refusal the values the user sent (a field
     * they did not send keeps the ticket's value). Serializable: it travels as a flash attribute.
     */
    record EditForm(String title, String description, String type, String priority, List<String> labels,
            String assignee, String team, String testEvidence, String releaseNote, boolean apiImpact,
            boolean docsUpdated, boolean changelogUpdated) implements Serializable {

        EditForm {
            labels = labels == null ? List.of() : List.copyOf(labels);
        }

        static EditForm of(TicketView t) {
            return new EditForm(t.title(), t.description(), t.type() == null ? "" : t.type().name(),
                    t.priority() == null ? "" : t.priority().name(), t.labels(), t.assignee(), t.team(),
                    t.testEvidence(), t.releaseNote(), t.apiImpact(), t.docsUpdated(), t.changelogUpdated());
        }

        static EditForm of(TicketView.Changes c, TicketView t) {
            EditForm now = of(t);
            return new EditForm(c.title() != null ? c.title() : now.title,
                    c.description() != null ? c.description() : now.description,
                    c.type() != null ? c.type().name() : now.type,
                    c.priority() != null ? c.priority().name() : now.priority,
                    c.labels() != null ? c.labels().stream().filter(l -> l != null).toList() : now.labels,
                    c.assignee() != null ? c.assignee() : now.assignee, c.team() != null ? c.team() : now.team,
                    c.testEvidence() != null ? c.testEvidence() : now.testEvidence,
                    c.releaseNote() != null ? c.releaseNote() : now.releaseNote,
                    c.apiImpact() != null ? c.apiImpact() : now.apiImpact,
                    c.docsUpdated() != null ? c.docsUpdated() : now.docsUpdated,
                    c.changelogUpdated() != null ? c.changelogUpdated() : now.changelogUpdated);
        }

        public boolean hasLabel(String label) {
            return labels.contains(label);
        }
    }

    /** A person offered in a select: the display name shown, the username on hover and as the value. */
    record Person(String username, String displayName) {}

    /** A team of the plan offered in a select, its name in the viewer's language. */
    record TeamChoice(String key, String name) {}


    @GetMapping("/tickets/{number}")
    String show(@PathVariable long number, Model model) {
        Actor actor = viewer.actor();
        TicketView ticket = tickets.get(number);
        model.addAttribute("ticket", ticket);
        model.addAttribute("descriptionHtml", markdown.toSafeHtml(ticket.description()));
        TicketPermissions may = tickets.permissions(number, actor);
        model.addAttribute("moves", shown(ticket, may.moves()));
        model.addAttribute("comments", tickets.comments(number).stream().map(this::shown).toList());
        model.addAttribute("history", tickets.history(number).reversed().stream().map(this::line).toList());
        // The edit form holds the fields the viewer may change (a reporter: the text of their own ticket).
        model.addAttribute("canEdit", may.mayEdit());
        model.addAttribute("editable", may.editable().stream().map(Field::key).collect(Collectors.toSet()));
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", EditForm.of(ticket));
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("teams", plan.teams().stream().map(t -> new TeamChoice(t.key(), t.name().in(language))).toList());
        // "Assign to me": the same edit the list's rows offer, when the domain lets this viewer assign.
        model.addAttribute("mayAssignSelf", may.editable().contains(Field.ASSIGNEE) && ticket.state().isOpen()
                && !actor.username().equals(ticket.assignee()));
        if (ticket.team() != null) {
            plan.team(ticket.team()).ifPresent(t -> model.addAttribute("teamName", t.name().in(language)));
        }
        model.addAttribute("evidenceHtml", autolink(ticket.testEvidence()));
        model.addAttribute("canLink", may.mayLink());
        model.addAttribute("canMarkMerged", may.mayMarkMerged());
        model.addAttribute("canComment", may.mayComment());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("labels", plan.labels());
        model.addAttribute("linkKinds", LinkKind.values());
        // Active developers and above, and the current assignee even when disabled, so that saving the form
        // does not silently unassign the ticket.
        List<Person> developers = new ArrayList<>(users.withRoleAtLeast(Role.DEVELOPER).stream()
                .map(TicketPageController::person).toList());
        if (ticket.assignee() != null && developers.stream().noneMatch(p -> p.username().equals(ticket.assignee()))) {
            developers.add(users.find(ticket.assignee()).map(TicketPageController::person)
                    .orElse(new Person(ticket.assignee(), ticket.assignee())));
        }
        model.addAttribute("developers", developers);
        // The post-mortem's summary; it is written on its own page (/tickets/{n}/postmortem, web/postmortem).
        if (plan.needsPostmortem(ticket.priority(), ticket.labels()) || postmortems.exists(number)) {
            model.addAttribute("postmortem", postmortems.get(number));
        }
        model.addAttribute("clocks", slaClocks.clocks(number));
        return "tickets/show";
    }

    /** Both SLA clocks alone: what the ticket page's htmx polling swaps in every 30 seconds. */
    @GetMapping("/tickets/{number}/sla")
    String clocks(@PathVariable long number, Model model) {
        model.addAttribute("clocks", slaClocks.clocks(number));
        model.addAttribute("number", number);
        return "fragments/sla :: clocks(clocks=${clocks}, number=${number})";
    }

    @PostMapping("/tickets/{number}/transitions")
    String transition(@PathVariable long number, @RequestParam TicketState to,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            tickets.transition(number, new TransitionRequest(to, reason, version), viewer.actor());
            redirect.addFlashAttribute("notice", "notice.moved");
            redirect.addFlashAttribute("noticeState", to);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("moveProblem", UiProblem.of(e, number, to.name()));
            redirect.addFlashAttribute("attemptedReason", reason);
        }
        return "redirect:/tickets/" + number + "#workflow";
    }

    /**
     * The edit form binds to the same {@link TicketView.Changes} as the API's PATCH, so every field rule is
     * the aggregate's. Check boxes send nothing when unchecked: the form's {@code _name} markers make
     * an absent box false, and an empty label list clears the labels.
     */
    @PostMapping("/tickets/{number}")
    String edit(@PathVariable long number, TicketView.Changes changes,
            @RequestParam(name = "readAt", required = false) String readAt, RedirectAttributes redirect) {
        try {
            tickets.update(number, changes, viewer.actor());
            redirect.addFlashAttribute("notice", "notice.saved");
        } catch (ErrorResponseException e) {
            UiProblem problem = UiProblem.of(e);
            redirect.addFlashAttribute("editProblem", problem);
            if (problem.status() != 404) {
                TicketView now = tickets.get(number);
                // What the user typed stays in the form; the form's version becomes the current one, so
                // saving again applies their values on top of what changed meanwhile.
                redirect.addFlashAttribute("editForm", EditForm.of(changes, now));
                if (problem.stale()) {
                    redirect.addFlashAttribute("meanwhile", meanwhile(number, readAt));
                }
            }
        }
        return "redirect:/tickets/" + number + "#edit";
    }

    /**
     * The history entries written after the moment the user read the ticket ({@code readAt}, the
     * updatedAt instant the edit form carried), newest first, comments left out; all of them when the
     * moment is unknown or unreadable.
     */
    private ArrayList<HistoryLine> meanwhile(long number, String readAt) {
        Instant since = null;
        if (readAt != null) {
            try {
                since = Instant.parse(readAt.strip());
            } catch (DateTimeParseException e) {
                // unreadable: shown as unknown
            }
        }
        Instant from = since;
        return tickets.history(number).reversed().stream()
                .filter(e -> e.action() != TicketAction.COMMENTED)
                .filter(e -> from == null || e.at().toInstant().isAfter(from))
                .map(this::line).collect(Collectors.toCollection(ArrayList::new));
    }

    /** Test evidence with its http(s) addresses as links; everything else escaped. */
    static String autolink(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            html.append(HtmlUtils.htmlEscape(text.substring(at, m.start())));
            String url = HtmlUtils.htmlEscape(m.group());
            html.append("<a class=\"url\" rel=\"noopener noreferrer\" href=\"").append(url).append("\">")
                    .append(url).append("</a>");
            at = m.end();
        }
        html.append(HtmlUtils.htmlEscape(text.substring(at)));
        return html.toString();
    }

    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+[A-Za-z0-9/#=_~-]");

    @PostMapping("/tickets/{number}/links")
    String link(@PathVariable long number, @RequestParam LinkKind kind, @RequestParam String target,
            @RequestParam(required = false) Boolean merged, RedirectAttributes redirect) {
        try {
            tickets.link(number, new TicketLink(kind, target, Boolean.TRUE.equals(merged)), viewer.actor());
            redirect.addFlashAttribute("notice", "notice.linked");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("linkProblem", UiProblem.of(e));
        }
        return "redirect:/tickets/" + number + "#links";
    }

    @PostMapping("/tickets/{number}/links/remove")
    String unlink(@PathVariable long number, @RequestParam LinkKind kind, @RequestParam String target,
            RedirectAttributes redirect) {
        try {
            tickets.unlink(number, kind, target, viewer.actor());
            redirect.addFlashAttribute("notice", "notice.unlinked");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("linkProblem", UiProblem.of(e));
        }
        return "redirect:/tickets/" + number + "#links";
    }

    @PostMapping("/tickets/{number}/comments")
    String comment(@PathVariable long number, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        try {
            tickets.comment(number, body, viewer.actor());
            redirect.addFlashAttribute("notice", "notice.commented");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("commentProblem", UiProblem.of(e));
            redirect.addFlashAttribute("attemptedComment", body);
        }
        return "redirect:/tickets/" + number + "#comments";
    }

    @PostMapping("/tickets/{number}/postmortem")
    String postmortem(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (PostmortemSection section : plan.postmortem().sections()) {
            String text = form.get("section." + section.key());
            if (text != null) {
                sections.put(section.key(), text);
            }
        }
        try {
            postmortems.write(number, sections, viewer.actor());
            redirect.addFlashAttribute("notice", "notice.postmortem");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("postmortemProblem", UiProblem.of(e));
        }
        return "redirect:/tickets/" + number + "#postmortem";
    }

    private List<ShownMove> shown(TicketView ticket, List<Move> moves) {
        return moves.stream().map(m -> new ShownMove(m.to(), m.missing(), m.needsReason(), label(ticket, m))).toList();
    }

    private static String label(TicketView ticket, Move move) {
        if (move.needsReason() && move.to() == TicketState.TRIAGED) {
            return "move.reopen";
        }
        if (ticket.state() == TicketState.WAITING) {
            return "move.resume";
        }
        if (ticket.state() == TicketState.IN_REVIEW && move.to() == TicketState.IN_PROGRESS) {
            return "move.changesRequested";
        }
        return "move." + move.to();
    }

    private HistoryLine line(HistoryEntry e) {
        Field field = e.field();
        boolean hidden = field != null && field.longText();
        String action = e.action() == TicketAction.UPDATED && e.before() == null ? "SET" : e.action().name();
        if (field == Field.LINKS) {
            return new HistoryLine(e.at(), e.actor(), action, field.key(), link(e.linkBefore()), link(e.linkAfter()),
                    e.reason());
        }
        String key = field == null ? null : field.key();
        return new HistoryLine(e.at(), e.actor(), action, key, hidden ? null : value(field, e.before()),
                hidden ? null : value(field, e.after()), e.reason());
    }

    /** A link said in the user's language: its kind, its target and whether it is merged. */
    private String link(TicketLink link) {
        if (link == null) {
            return null;
        }
        var locale = LocaleContextHolder.getLocale();
        String kind = messages.getMessage("link." + link.kind(), null, link.kind().name(), locale);
        return kind + " " + link.target() + (link.isMergedPullRequest()
                ? " (" + messages.getMessage("links.merged", null, locale) + ")" : "");
    }

    private String value(Field field, String value) {
        if (value == null || field == null) {
            return value;
        }
        String key = switch (field) {
            case STATE -> "state." + value;
            case TYPE -> "type." + value;
            case PRIORITY -> "priority." + value;
            case API_IMPACT, DOCS_UPDATED, CHANGELOG_UPDATED -> Boolean.parseBoolean(value) ? "yes" : "no";
            default -> null;
        };
        if (key == null) {
            return value;
        }
        String text = messages.getMessage(key, null, value, LocaleContextHolder.getLocale());
        return field == Field.PRIORITY ? value + " " + text : text;
    }

    private ShownComment shown(Comment c) {
        return new ShownComment(c.id(), c.author(), markdown.toSafeHtml(c.body()), c.createdAt());
    }

    private static Person person(UserAccount u) {
        return new Person(u.username(), u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
