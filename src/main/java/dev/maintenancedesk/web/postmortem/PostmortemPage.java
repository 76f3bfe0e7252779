package dev.maintenancedesk.web.postmortem;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PostmortemRule.PostmortemSection;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.postmortem.CauseCategory;
import dev.maintenancedesk.postmortem.ChronologyLine;
import dev.maintenancedesk.postmortem.CorrectiveAction;
import dev.maintenancedesk.postmortem.Impact;
import dev.maintenancedesk.postmortem.Postmortem;
import dev.maintenancedesk.postmortem.PostmortemFile;
import dev.maintenancedesk.postmortem.Postmortems;
import dev.maintenancedesk.postmortem.RootCause;
import dev.maintenancedesk.postmortem.RootCauses;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.web.Markdown;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /tickets/{number}/postmortem}: the post-mortem of a ticket — impact, chronology (pre-filled,
 * editable), root causes (pick or create), long-term fix tickets with their progress, the sections' texts
 * and the Markdown download — and {@code /causes}, every root cause with its incidents and status. Each
 * change is a POST form answered by a redirect; a refusal comes back as a flash {@link UiProblem} shown
 * next to the form that caused it, with what the user typed.
 */
@Controller
class PostmortemPage {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The label of each field a refusal may name, for the error list. */
    static final Map<String, String> LABELS = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(Map.ofEntries(Map.entry("startedAt", "postmortem.impact.startedAt"),
            Map.entry("detectedAt", "postmortem.impact.detectedAt"), Map.entry("endedAt", "postmortem.impact.endedAt"),
            Map.entry("usersAffected", "postmortem.impact.usersAffected"), Map.entry("at", "postmortem.chronology.at"),
            Map.entry("text", "postmortem.chronology.text"), Map.entry("causeId", "postmortem.causes.pick"),
            Map.entry("category", "postmortem.causes.category"), Map.entry("owner", "postmortem.action.owner"),
            Map.entry("dueOn", "postmortem.action.dueOn"), Map.entry("type", "postmortem.action.type"),
            Map.entry("priority", "postmortem.action.priority"))));

    /** A chronology line as shown: its time in the team's zone, and as a form value. */
    record Line(String key, String when, String iso, String input, String source, String text, boolean edited) {}

    /** A fix ticket with the title of the cause it addresses. */
    record ShownAction(CorrectiveAction action, String causeTitle) {}

    private final Postmortems postmortems;
    private final RootCauses causes;
    private final Tickets tickets;
    private final Users users;
    private final Plan plan;
    private final Viewer viewer;
    private final Markdown markdown;
    private final MessageSource messages;
    private final Clock clock;

    PostmortemPage(Postmortems postmortems, RootCauses causes, Tickets tickets, Users users, Plan plan, Viewer viewer,
            Markdown markdown, MessageSource messages, Clock clock) {
        this.postmortems = postmortems;
        this.causes = causes;
        this.tickets = tickets;
        this.users = users;
        this.plan = plan;
        this.viewer = viewer;
        this.markdown = markdown;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tickets/{number}/postmortem")
    String show(@PathVariable long number, Model model) {
        TicketView ticket = tickets.get(number);
        Postmortem pm = postmortems.get(number);
        String language = dev.maintenancedesk.plan.Texts.languageOf(LocaleContextHolder.getLocale());
        model.addAttribute("ticket", ticket);
        model.addAttribute("pm", pm);
        model.addAttribute("lines", pm.chronology().stream().map(l -> new Line(l.key(), l.at().format(SHOWN),
                l.at().toString(), l.at().format(INPUT), l.source().name(), l.text(), l.edited())).toList());
        Impact impact = pm.impact();
        // After a refusal, each form shows what the user typed; else the stored values (or its defaults).
        Object refusedForm = model.getAttribute("problemForm");
        @SuppressWarnings("unchecked")
        Map<String, String> typed = model.getAttribute("typed") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        model.addAttribute("impactForm", "impact".equals(refusedForm) ? typed : Map.of("startedAt",
                input(impact.startedAt()), "detectedAt", input(impact.detectedAt()), "endedAt", input(impact.endedAt()),
                "usersAffected", impact.usersAffected() == null ? "" : impact.usersAffected().toString()));
        model.addAttribute("lineForm", "chronology".equals(refusedForm) ? typed : Map.of());
        model.addAttribute("causeForm", "newCause".equals(refusedForm) ? typed : Map.of());
        model.addAttribute("actionForm", "actions".equals(refusedForm) ? typed : Map.of("priority", "P3",
                "causeId", pm.causes().isEmpty() ? "" : String.valueOf(pm.causes().getFirst().id())));
        model.addAttribute("duration", duration(impact.duration()));
        Set<Long> linked = pm.causes().stream().map(Postmortem.LinkedCause::id).collect(Collectors.toSet());
        model.addAttribute("otherCauses", causes.list().stream().filter(c -> !linked.contains(c.id())).toList());
        Map<Long, String> causeTitles = pm.causes().stream().collect(Collectors.toMap(Postmortem.LinkedCause::id,
                Postmortem.LinkedCause::title));
        model.addAttribute("actions", pm.actions().stream().map(a -> new ShownAction(a,
                a.causeId() == null ? null : causeTitles.get(a.causeId()))).toList());
        model.addAttribute("closedActions", pm.actions().stream().filter(CorrectiveAction::closed).count());
        model.addAttribute("categories", CauseCategory.values());
        model.addAttribute("actionTypes", List.of(TicketType.CORRECTIVE, TicketType.PREVENTIVE));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("developers", users.withRoleAtLeast(Role.DEVELOPER).stream().filter(UserAccount::enabled)
                .map(u -> Map.entry(u.username(), u.displayName() == null || u.displayName().isBlank() ? u.username()
                        : u.displayName())).toList());
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> html = new LinkedHashMap<>();
        for (PostmortemSection s : plan.postmortem().sections()) {
            titles.put(s.key(), s.title().in(language));
            String text = pm.sections().stream().filter(x -> x.key().equals(s.key())).map(Postmortem.Section::text)
                    .findFirst().orElse("");
            texts.put(s.key(), "texts".equals(refusedForm) ? typed.getOrDefault("section." + s.key(), text) : text);
            html.put(s.key(), markdown.toSafeHtml(text));
        }
        model.addAttribute("sectionTitles", titles);
        model.addAttribute("sectionTexts", texts);
        model.addAttribute("sectionHtml", html);
        model.addAttribute("canWrite", postmortems.mayWrite(viewer.actor()));
        model.addAttribute("labels", LABELS);
        model.addAttribute("today", LocalDate.now(clock.withZone(plan.calendar().zone())).toString());
        model.addAttribute("exportDir", PostmortemFile.DIRECTORY);
        model.addAttribute("teamZone", pm.zone());
        return "postmortem/show";
    }

    @GetMapping("/tickets/{number}/postmortem/export")
    ResponseEntity<byte[]> export(@PathVariable long number) {
        PostmortemFile file = postmortems.export(number);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .body(file.markdown().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/tickets/{number}/postmortem/impact")
    String impact(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "impact", form, redirect, "postmortem.notice.impact", () -> postmortems.impact(number,
                new Impact.Input(form.get("startedAt"), form.get("detectedAt"), form.get("endedAt"),
                        form.get("usersAffected")), viewer.actor()));
    }

    @PostMapping("/tickets/{number}/postmortem/lines")
    String addLine(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "chronology", form, redirect, "postmortem.notice.line", () -> postmortems.addLine(number,
                new ChronologyLine.Input(form.get("at"), form.get("text")), viewer.actor()));
    }

    @PostMapping("/tickets/{number}/postmortem/lines/edit")
    String editLine(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "chronology", form, redirect, "postmortem.notice.line", () -> postmortems.editLine(number,
                form.get("key"), new ChronologyLine.Input(form.get("at"), form.get("text")), viewer.actor()));
    }

    @PostMapping("/tickets/{number}/postmortem/lines/remove")
    String removeLine(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "chronology", form, redirect, "postmortem.notice.line",
                () -> postmortems.removeLine(number, form.get("key"), viewer.actor()));
    }

    @PostMapping("/tickets/{number}/postmortem/causes")
    String linkCause(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "causes", form, redirect, "postmortem.notice.cause",
                () -> causes.link(number, form.get("causeId"), viewer.actor()));
    }

    @PostMapping("/tickets/{number}/postmortem/causes/new")
    String newCause(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(number, "newCause", form, redirect, "postmortem.notice.cause", () -> causes.createAndLink(number,
                new RootCause.Input(form.get("title"), form.get("category")), viewer.actor()));
    }

    @PostMapping("/tickets/{number}/postmortem/causes/remove")
    String unlinkCause(@PathVariable long number, @RequestParam long causeId, RedirectAttributes redirect) {
        return act(number, "causes", Map.of(), redirect, "postmortem.notice.causeRemoved", () -> {
            causes.unlink(number, causeId, viewer.actor());
            return null;
        });
    }

    @PostMapping("/tickets/{number}/postmortem/actions")
    String addAction(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            CorrectiveAction created = postmortems.addAction(number, new CorrectiveAction.Input(form.get("title"),
                    form.get("type"), form.get("owner"), form.get("dueOn"), form.get("causeId"), form.get("priority")),
                    viewer.actor());
            redirect.addFlashAttribute("notice", "postmortem.notice.action");
            redirect.addFlashAttribute("noticeArgs", List.of(String.valueOf(created.ticket())));
        } catch (ErrorResponseException e) {
            refused("actions", form, redirect, e);
        }
        return "redirect:/tickets/" + number + "/postmortem#actions";
    }

    @PostMapping("/tickets/{number}/postmortem/sections")
    String sections(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (PostmortemSection section : plan.postmortem().sections()) {
            String text = form.get("section." + section.key());
            if (text != null) {
                sections.put(section.key(), text);
            }
        }
        return act(number, "texts", form, redirect, "postmortem.notice.saved",
                () -> postmortems.write(number, sections, viewer.actor()));
    }

    @GetMapping("/causes")
    String causes(Model model) {
        model.addAttribute("causes", causes.list());
        model.addAttribute("days", plan.postmortem().causeResolvedAfter().getDays());
        return "postmortem/causes";
    }

    private String act(long number, String form, Map<String, String> values, RedirectAttributes redirect, String notice,
            Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (ErrorResponseException e) {
            refused(form, values, redirect, e);
        }
        return "redirect:/tickets/" + number + "/postmortem#" + anchor(form);
    }

    private static void refused(String form, Map<String, String> values, RedirectAttributes redirect,
            ErrorResponseException e) {
        redirect.addFlashAttribute("problem", UiProblem.of(e));
        redirect.addFlashAttribute("problemForm", form + (values.containsKey("key") ? ":" + values.get("key") : ""));
        Map<String, String> typed = new LinkedHashMap<>(values);
        typed.remove("_csrf");
        redirect.addFlashAttribute("typed", (Serializable) new LinkedHashMap<>(typed));
    }

    private static String anchor(String form) {
        return switch (form) {
            case "newCause" -> "causes";
            default -> form;
        };
    }

    private static String input(OffsetDateTime t) {
        return t == null ? "" : t.format(INPUT);
    }

    private String duration(Duration d) {
        if (d == null) {
            return null;
        }
        long minutes = d.toMinutes();
        var locale = LocaleContextHolder.getLocale();
        return minutes >= 60 ? messages.getMessage("postmortem.duration.hours", new Object[] {minutes / 60, minutes % 60}, locale)
                : messages.getMessage("postmortem.duration.minutes", new Object[] {minutes}, locale);
    }
}
