package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TemplateField;
import dev.maintenancedesk.plan.TicketTemplate;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.UiProblem.FieldProblem;
import dev.maintenancedesk.web.Viewer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /tickets/new}: first the choice of a template of the plan (or a plain ticket), then its form
 * with the template's fields, required ones marked. A refused creation (400 problem) shows the form
 * again with what was typed and a message next to each field at fault.
 */
@Controller
class NewTicketController {

    static final int TITLE_MAX = 200;

    private final Tickets tickets;
    private final Plan plan;
    private final Users users;
    private final Viewer viewer;

    NewTicketController(Tickets tickets, Plan plan, Users users, Viewer viewer) {
        this.tickets = tickets;
        this.plan = plan;
        this.users = users;
        this.viewer = viewer;
    }

    /** What the form shows: the values typed so far. */
    record Draft(String title, String description, TicketType type, Priority priority, List<String> labels,
            String assignee, Map<String, String> fields) {

        static Draft of(TicketTemplate template) {
            return new Draft("", "", template == null ? null : template.type(),
                    template == null ? null : template.priority(),
                    template == null ? List.of() : template.labels(), "", Map.of());
        }

        public String field(String key) {
            return fields.getOrDefault(key, "");
        }
    }

    @GetMapping("/tickets/new")
    String form(@RequestParam(required = false) String template, Model model) {
        if (template == null) {
            model.addAttribute("templates", plan.templates());
            return "tickets/choose";
        }
        TicketTemplate chosen = template(template);
        return form(chosen, Draft.of(chosen), null, model);
    }

    @PostMapping("/tickets/new")
    String create(@RequestParam(required = false) String template, @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) String description, @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) Priority priority, @RequestParam(required = false) List<String> labels,
            @RequestParam(required = false) String assignee, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        TicketTemplate chosen = template(template == null ? "" : template);
        Map<String, String> fields = new LinkedHashMap<>();
        if (chosen != null) {
            for (TemplateField field : chosen.fields()) {
                String value = form.get("field." + field.key());
                if (value != null && !value.isBlank()) {
                    fields.put(field.key(), value);
                }
            }
        }
        Draft draft = new Draft(title, description == null ? "" : description, type, priority,
                labels == null ? List.of() : labels, assignee == null ? "" : assignee, fields);
        NewTicket request = new NewTicket(title, blankToNull(description), type,
                priority, draft.labels(), blankToNull(assignee), null, null,
                chosen == null ? null : chosen.key(), chosen == null ? null : fields);
        try {
            TicketView created = tickets.create(request, viewer.actor());
            redirect.addFlashAttribute("notice", "notice.created");
            return "redirect:/tickets/" + created.number();
        } catch (ErrorResponseException e) {
            return form(chosen, draft, UiProblem.of(e), model);
        }
    }


    private String form(TicketTemplate template, Draft draft, UiProblem problem, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("draft", draft);
        model.addAttribute("problem", problem);
        model.addAttribute("titleMax", TITLE_MAX);
        model.addAttribute("labels", plan.labels());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("mayAssign", tickets.mayAssign(viewer.actor()));
        // Shown by display name, the username on hover and as the value.
        model.addAttribute("developers", users.withRoleAtLeast(Role.DEVELOPER));
        return "tickets/new";
    }

    /** The template of that key; "plain" (or empty) is a ticket without template. */
    private TicketTemplate template(String key) {
        if (key.isBlank() || key.equals("plain")) {
            return null;
        }
        Optional<TicketTemplate> template = plan.template(key);
        return template.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
