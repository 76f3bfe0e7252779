package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketQueries;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import dev.maintenancedesk.web.SlaClocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /tickets}: the filtered list, most urgent SLA deadline first unless {@code order=newest}.
 * Filters are plain query parameters (a GET form), so any view can be bookmarked or shared; paging is
 * keyset ({@code after} = the cursor of the page before).
 */
@Controller
class TicketListController {

    static final int PAGE_SIZE = 25;

    private final TicketQueries tickets;
    private final Plan plan;
    private final Users users;
    private final SlaClocks slaClocks;

    TicketListController(TicketQueries tickets, Plan plan, Users users, SlaClocks slaClocks) {
        this.tickets = tickets;
        this.slaClocks = slaClocks;
        this.plan = plan;
        this.users = users;
    }

    @GetMapping("/tickets")
    Object list(@RequestParam(required = false) TicketState state, @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) TicketType type, @RequestParam(required = false) String label,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String team,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "due") Order order,
            @RequestParam(required = false) String after, @RequestParam Map<String, String> query, Model model) {
        if (query.values().stream().anyMatch(String::isBlank)) {
            // The GET form sends empty fields too; keep the shared URL to the filters actually set.
            RedirectView clean = new RedirectView(url(query, null), true);
            clean.setExpandUriTemplateVariables(false);
            return clean;
        }
        TicketFilter filter = new TicketFilter(state, priority, type, blankToNull(label), blankToNull(assignee),
                blankToNull(team), blankToNull(text));
        TicketPage page = order == Order.due ? tickets.listByDue(filter, after, PAGE_SIZE)
                : tickets.listNewest(filter, after, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("badges", slaClocks.badges(page.items().stream().map(TicketSummary::number).toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", !filter.equals(TicketFilter.none()));
        model.addAttribute("after", after);
        model.addAttribute("firstUrl", url(query, null));
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : url(query, page.nextCursor()));
        model.addAttribute("order", order);
        model.addAttribute("states", TicketState.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("labels", plan.labels());
        model.addAttribute("developers", users.withRoleAtLeast(Role.DEVELOPER).stream().map(UserAccount::username).toList());
        return "tickets/list";
    }

    /** Most urgent SLA deadline first (the default), or newest first. */
    enum Order { due, newest }

    /** The list's URL with the same filters and order, on the first page or after a given cursor. */
    static String url(Map<String, String> query, String after) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : List.of("state", "priority", "type", "label", "assignee", "team", "text", "order")) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tickets");
        kept.forEach(uri::queryParam);
        if (after != null) {
            uri.queryParam("after", after);
        }
        return uri.encode().build().toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
