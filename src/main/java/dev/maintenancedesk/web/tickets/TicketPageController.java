package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PostmortemRule.PostmortemSection;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.postmortem.Postmortem;
import dev.maintenancedesk.postmortem.Postmortems;
import dev.maintenancedesk.tickets.Comment;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.TicketChanges;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import dev.maintenancedesk.web.Markdown;
import dev.maintenancedesk.web.SlaClocks;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import java.time.OffsetDateTime;
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

    /** A move the viewer may attempt now; {@code missing} holds the gate's unmet requirement keys. */
    record Move(TicketState to, List<String> missing, boolean needsReason, String label) {
        public boolean blocked() {
            return !missing.isEmpty();
        }
    }

    record ShownComment(long id, String author, String html, OffsetDateTime createdAt) {}

    record Section(String key, String title, String text, String html) {}

    /** A history entry with its values readable: states, types, priorities and flags translated, long texts left out. */
    record HistoryLine(OffsetDateTime at, String actor, String action, String field, String before, String after,
            String reason) {}

    private static final java.util.Set<String> LONG_TEXTS = java.util.Set.of("description", "testEvidence", "comment");
    private static final java.util.Set<String> TRANSLATED = java.util.Set.of("state", "type", "priority", "apiImpact",
            "docsUpdated", "changelogUpdated");

    @GetMapping("/tickets/{number}")
    String show(@PathVariable long number, Model model) {
        Actor actor = viewer.actor();
        TicketView ticket = tickets.get(number);
        model.addAttribute("ticket", ticket);
        model.addAttribute("descriptionHtml", markdown.toSafeHtml(ticket.description()));
        model.addAttribute("moves", moves(ticket, tickets.requirements(number, actor)));
        model.addAttribute("comments", tickets.comments(number).stream().map(this::shown).toList());
        model.addAttribute("history", tickets.history(number).reversed().stream().map(this::line).toList());
        model.addAttribute("canEdit", actor.atLeast(Role.DEVELOPER));
        model.addAttribute("canLink", actor.atLeast(Role.DEVELOPER));
        model.addAttribute("canComment", actor.atLeast(Role.DEVELOPER) || actor.username().equals(ticket.reporter()));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("labels", plan.labels());
        model.addAttribute("linkKinds", LinkKind.values());
        model.addAttribute("developers", users.withRoleAtLeast(Role.DEVELOPER).stream().map(UserAccount::username).toList());
        if (needsPostmortem(ticket)) {
            model.addAttribute("postmortem", postmortem(number));
            model.addAttribute("canWritePostmortem", actor.atLeast(Role.DEVELOPER));
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
            tickets.transition(number, new TransitionRequest(to, blankToNull(reason), version), viewer.actor());
            redirect.addFlashAttribute("notice", "notice.moved");
            redirect.addFlashAttribute("noticeState", to);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("moveProblem", UiProblem.of(e, number, to.name()));
            redirect.addFlashAttribute("attemptedReason", reason);
        }
        return "redirect:/tickets/" + number + "#workflow";
    }

    @PostMapping("/tickets/{number}")
    String edit(@PathVariable long number, @RequestParam int version,
            @RequestParam(required = false) String title, @RequestParam(required = false) String description,
            @RequestParam(required = false) TicketType type, @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String team,
            @RequestParam(required = false) List<String> labels,
            @RequestParam(required = false) String testEvidence, @RequestParam(required = false) String releaseNote,
            @RequestParam(required = false) Boolean apiImpact, @RequestParam(required = false) Boolean docsUpdated,
            @RequestParam(required = false) Boolean changelogUpdated, RedirectAttributes redirect) {
        // Check boxes send nothing when unchecked: the form always holds them, so absent means false.
        TicketChanges changes = new TicketChanges(version, blankToNull(title), lf(description), type, priority,
                labels == null ? List.of() : labels, assignee == null ? null : assignee.strip(),
                team == null ? null : team.strip(), null, lf(testEvidence), releaseNote,
                Boolean.TRUE.equals(apiImpact), Boolean.TRUE.equals(docsUpdated), Boolean.TRUE.equals(changelogUpdated));
        try {
            tickets.update(number, changes, viewer.actor());
            redirect.addFlashAttribute("notice", "notice.saved");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("editProblem", UiProblem.of(e));
        }
        return "redirect:/tickets/" + number + "#edit";
    }

    @PostMapping("/tickets/{number}/links")
    String link(@PathVariable long number, @RequestParam LinkKind kind, @RequestParam String target,
            @RequestParam(required = false) Boolean merged, RedirectAttributes redirect) {
        try {
            if (target.isBlank()) {
                redirect.addFlashAttribute("linkProblem", UiProblem.invalid(List.of(
                        new UiProblem.FieldProblem("target", null))));
            } else {
                tickets.link(number, new TicketLink(kind, target.strip(), Boolean.TRUE.equals(merged)), viewer.actor());
                redirect.addFlashAttribute("notice", "notice.linked");
            }
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
            tickets.comment(number, lf(body), viewer.actor());
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

    private List<Move> moves(TicketView ticket, Map<TicketState, List<String>> requirements) {
        List<Move> moves = new ArrayList<>();
        requirements.forEach((to, missing) -> {
            boolean reopen = to == TicketState.TRIAGED
                    && (ticket.state() == TicketState.CLOSED || ticket.state() == TicketState.REJECTED);
            boolean needsReason = reopen || to == TicketState.WAITING || to == TicketState.REJECTED;
            String label = reopen ? "move.reopen"
                    : ticket.state() == TicketState.WAITING ? "move.resume"
                    : ticket.state() == TicketState.IN_REVIEW && to == TicketState.IN_PROGRESS ? "move.changesRequested"
                    : "move." + to;
            moves.add(new Move(to, List.copyOf(missing), needsReason, label));
        });
        return moves;
    }

    /** The plan's rule (section 14), for a ticket that may not have a priority yet. */
    private boolean needsPostmortem(TicketView ticket) {
        return (ticket.priority() != null && plan.postmortem().priorities().contains(ticket.priority()))
                || ticket.labels().stream().anyMatch(plan.postmortem().labels()::contains);
    }

    private HistoryLine line(HistoryEntry e) {
        boolean hidden = e.field() != null && LONG_TEXTS.contains(e.field());
        String action = "UPDATED".equals(e.action()) && e.before() == null ? "SET" : e.action();
        return new HistoryLine(e.at(), e.actor(), action, e.field(), hidden ? null : value(e.field(), e.before()),
                hidden ? null : value(e.field(), e.after()), e.reason());
    }

    private String value(String field, String value) {
        if ("links".equals(field) && value != null) {
            // A link is written "KIND target" (and " (merged)"): the kind is said in the user's language.
            int space = value.indexOf(' ');
            String kind = space < 0 ? value : value.substring(0, space);
            String rest = space < 0 ? "" : value.substring(space);
            String merged = messages.getMessage("links.merged", null, LocaleContextHolder.getLocale());
            return messages.getMessage("link." + kind, null, kind, LocaleContextHolder.getLocale())
                    + rest.replace(" (merged)", " (" + merged + ")");
        }
        if (value == null || field == null || !TRANSLATED.contains(field)) {
            return value;
        }
        String key = switch (field) {
            case "state" -> "state." + value;
            case "type" -> "type." + value;
            case "priority" -> "priority." + value;
            default -> Boolean.parseBoolean(value) ? "yes" : "no";
        };
        String text = messages.getMessage(key, null, value, LocaleContextHolder.getLocale());
        return field.equals("priority") ? value + " " + text : text;
    }

    private ShownComment shown(Comment c) {
        return new ShownComment(c.id(), c.author(), markdown.toSafeHtml(c.body()), c.createdAt());
    }

    private List<Section> postmortem(long number) {
        Postmortem written = postmortems.get(number);
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<Section> sections = new ArrayList<>();
        for (PostmortemSection section : plan.postmortem().sections()) {
            String text = written.sections().stream().filter(s -> s.key().equals(section.key()))
                    .map(Postmortem.Section::text).findFirst().orElse("");
            sections.add(new Section(section.key(), section.title().in(language), text, markdown.toSafeHtml(text)));
        }
        return sections;
    }

    /** Browsers send text areas with CRLF line ends; stored texts use LF, so an untouched text is no change. */
    static String lf(String s) {
        return s == null ? null : s.replace("\r\n", "\n");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
