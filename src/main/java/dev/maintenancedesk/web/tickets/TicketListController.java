package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.problem.DeskProblem;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.tickets.SavedView;
import dev.maintenancedesk.tickets.SavedViews;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketQueries;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.web.SlaClocks;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /tickets}: the filtered list, most urgent SLA deadline first unless {@code order=newest}.
 * Filters are plain query parameters (a GET form), so any view can be bookmarked or shared; paging is
 * keyset ({@code after} = the cursor of the page before). With no {@code state} the list shows the open
 * tickets; {@code state} may be given several times, or {@code all}. {@code assignee=-} keeps the
 * unassigned tickets, {@code assignee=me} and {@code reporter=me} the viewer's. Work queues are links to
 * such views; saved views are named query strings.
 */
@Controller
class TicketListController {

    static final int PAGE_SIZE = 25;
    /** The list's own parameters, in the order its URLs give them. */
    static final List<String> PARAMETERS = List.of("state", "priority", "type", "label", "assignee", "reporter",
            "team", "text", "order");
    static final String ALL = "all";
    static final String ME = "me";
    static final String NOBODY = "-";

    private final TicketQueries tickets;
    private final Tickets service;
    private final SavedViews savedViews;
    private final Plan plan;
    private final Users users;
    private final SlaClocks slaClocks;
    private final Viewer viewer;

    TicketListController(TicketQueries tickets, Tickets service, SavedViews savedViews, Plan plan, Users users,
            SlaClocks slaClocks, Viewer viewer) {
        this.tickets = tickets;
        this.service = service;
        this.savedViews = savedViews;
        this.slaClocks = slaClocks;
        this.plan = plan;
        this.users = users;
        this.viewer = viewer;
    }

    /** A work queue: a named link to a view of the list. */
    record Queue(String key, String url, boolean active) {}

    @GetMapping("/tickets")
    Object list(@RequestParam(required = false) List<String> state, @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) TicketType type, @RequestParam(required = false) String label,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String reporter,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "due") Order order,
            @RequestParam(required = false) String after, @RequestParam MultiValueMap<String, String> query,
            Model model) {
        if (query.values().stream().flatMap(List::stream).anyMatch(String::isBlank)) {
            // The GET form sends empty fields too; keep the shared URL to the filters actually set.
            RedirectView clean = new RedirectView(url(query, null), true);
            clean.setExpandUriTemplateVariables(false);
            return clean;
        }
        String me = viewer.actor().username();
        TicketFilter filter = filter(state, priority, type, label, assignee, reporter, team, text, me);
        render(filter, order, after, query, model);
        return "tickets/list";
    }

    /** Saves the current filters under a name; a refusal is the list again, with the reason by the form. */
    @PostMapping("/tickets/views")
    String saveView(@RequestParam(required = false) String name, @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "false") boolean shared, Model model, HttpServletResponse response) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        String kept = "";
        try {
            params = parse(query == null ? "" : query);
            kept = query(params);
            filter(params); // a view the list would refuse is not saved
            savedViews.create(name, kept, shared, viewer.actor());
        } catch (InvalidInput refused) {
            TicketFilter filter;
            try {
                filter = filter(params);
            } catch (InvalidInput unreadable) {
                params = new LinkedMultiValueMap<>();
                filter = TicketFilter.open();
            }
            Order order = "newest".equals(params.getFirst("order")) ? Order.newest : Order.due;
            render(filter, order, null, params, model);
            model.addAttribute("viewProblem", UiProblem.of(refused));
            model.addAttribute("viewName", name);
            response.setStatus(400);
            return "tickets/list";
        }
        return "redirect:" + "/tickets" + (kept.isEmpty() ? "" : "?" + kept);
    }

    @PostMapping("/tickets/views/{id}/delete")
    String deleteView(@PathVariable long id) {
        savedViews.delete(id, viewer.actor());
        return "redirect:/tickets";
    }

    /** "Assign to me" from a list row or the ticket page: an edit of the assignee on the version shown. */
    @PostMapping("/tickets/{number}/assign-to-me")
    RedirectView assignToMe(@PathVariable long number, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Actor actor = viewer.actor();
        try {
            service.update(number, TicketView.Changes.assignee(version, actor.username()), actor);
            redirect.addFlashAttribute("assigned", number);
        } catch (DeskProblem refused) {
            redirect.addFlashAttribute("assignProblem", UiProblem.of(refused, number, null));
        }
        // Back to the list or the ticket page the form came from (never another site).
        boolean known = back != null && (back.equals("/tickets") || back.startsWith("/tickets?")
                || back.equals("/tickets/" + number));
        RedirectView view = new RedirectView(known ? back : "/tickets", true);
        view.setExpandUriTemplateVariables(false);
        return view;
    }

    private void render(TicketFilter filter, Order order, String after, MultiValueMap<String, String> query,
            Model model) {
        Actor actor = viewer.actor();
        TicketPage page = order == Order.due ? tickets.listByDue(filter, after, PAGE_SIZE)
                : tickets.listNewest(filter, after, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("badges", slaClocks.badges(page.items().stream().map(TicketSummary::number).toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", !filter.equals(TicketFilter.open()));
        model.addAttribute("after", after);
        model.addAttribute("firstUrl", url(query, null));
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : url(query, page.nextCursor()));
        model.addAttribute("currentUrl", url(query, after));
        model.addAttribute("currentQuery", query(query));
        model.addAttribute("order", order);
        model.addAttribute("states", TicketState.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("labels", plan.labels());
        model.addAttribute("developers", users.withRoleAtLeast(Role.DEVELOPER).stream().map(UserAccount::username).toList());
        model.addAttribute("assigneeParam", first(query, "assignee"));
        model.addAttribute("reporterParam", first(query, "reporter"));
        model.addAttribute("allStates", filter.states() == null);
        model.addAttribute("checkedStates", query.containsKey("state") && filter.states() != null
                ? filter.states() : Set.of());
        model.addAttribute("queues", queues(query, actor));
        model.addAttribute("views", savedViews.visibleTo(actor));
        model.addAttribute("me", actor.username());
        model.addAttribute("mayAssign", actor.atLeast(Role.DEVELOPER));
        model.addAttribute("mayShare", actor.atLeast(Role.LEAD));
    }

    /** The queues every list shows above its filters; the developer's own only to developers and above. */
    private static List<Queue> queues(MultiValueMap<String, String> query, Actor actor) {
        String current = query(withoutOrder(query));
        Map<String, String> queues = new LinkedHashMap<>();
        queues.put("open", "");
        queues.put("new", "state=NEW");
        queues.put("unassigned", "assignee=-");
        if (actor.atLeast(Role.DEVELOPER)) {
            queues.put("mine", "assignee=me");
        }
        queues.put("reported", "reporter=me");
        queues.put("all", "state=all");
        return queues.entrySet().stream()
                .map(q -> new Queue(q.getKey(), q.getValue().isEmpty() ? "/tickets" : "/tickets?" + q.getValue(),
                        q.getValue().equals(current)))
                .toList();
    }

    private TicketFilter filter(MultiValueMap<String, String> params) {
        return filter(params.get("state"), enumOr(Priority.class, params.getFirst("priority")),
                enumOr(TicketType.class, params.getFirst("type")), params.getFirst("label"),
                params.getFirst("assignee"), params.getFirst("reporter"), params.getFirst("team"),
                params.getFirst("text"), viewer.actor().username());
    }

    /** The filter a list URL asks for; a state that is none of the workflow's is a 400. */
    static TicketFilter filter(List<String> state, Priority priority, TicketType type, String label, String assignee,
            String reporter, String team, String text, String me) {
        Set<TicketState> states = states(state);
        String who = blankToNull(assignee);
        String by = blankToNull(reporter);
        TicketFilter filter = new TicketFilter(states, priority, type, blankToNull(label), null, blankToNull(team),
                blankToNull(text), ME.equals(by) ? me : by, false);
        if (NOBODY.equals(who)) {
            return filter.withUnassigned();
        }
        return filter.withAssignee(ME.equals(who) ? me : who);
    }

    /** No state: the open ones; {@code all}: any; otherwise the states named. */
    static Set<TicketState> states(List<String> values) {
        if (values == null || values.stream().allMatch(v -> v == null || v.isBlank())) {
            return Set.copyOf(TicketState.open());
        }
        Set<TicketState> states = EnumSet.noneOf(TicketState.class);
        boolean all = false;
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String v = value.strip();
            if (ALL.equals(v)) {
                all = true;
            } else if ("open".equals(v)) {
                states.addAll(TicketState.open());
            } else {
                try {
                    states.add(TicketState.valueOf(v));
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(TicketState.values()).map(Enum::name)
                            .collect(Collectors.joining(", ")) + ", open, all";
                    throw InvalidInput.of(FieldError.of("state", "not-one-of",
                            "'" + v + "' is not one of " + allowed, v, allowed));
                }
            }
        }
        return all ? null : states;
    }

    /** Most urgent SLA deadline first (the default), or newest first. */
    enum Order { due, newest }

    /** The list's URL with the same filters and order, on the first page or after a given cursor. */
    static String url(MultiValueMap<String, String> query, String after) {
        String q = query(query);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tickets");
        if (!q.isEmpty()) {
            uri.query(q);
        }
        if (after != null) {
            uri.queryParam("after", "{after}");
            return uri.encode().buildAndExpand(Map.of("after", after)).toUriString();
        }
        return uri.build().toUriString();
    }

    /** The list's own parameters as an encoded query string (no {@code ?}, no cursor), blank values dropped. */
    static String query(MultiValueMap<String, String> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        Map<String, Object> values = new LinkedHashMap<>();
        int i = 0;
        for (String name : PARAMETERS) {
            List<String> given = query.get(name);
            if (given == null) {
                continue;
            }
            for (String value : given) {
                if (value != null && !value.isBlank()) {
                    String key = "v" + i++;
                    uri.queryParam(name, "{" + key + "}");
                    values.put(key, value.strip());
                }
            }
        }
        String built = uri.encode().buildAndExpand(values).toUriString();
        return built.startsWith("?") ? built.substring(1) : built;
    }

    /** A query string as parameters (decoded). */
    static MultiValueMap<String, String> parse(String query) {
        String q = query.startsWith("?") ? query.substring(1) : query;
        MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance().query(q).build().getQueryParams();
        MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
        raw.forEach((name, values) -> values.forEach(v -> decoded.add(decode(name),
                v == null ? "" : decode(v))));
        return decoded;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(FieldError.of("query", "invalid", "must be a URL query string"));
        }
    }

    private static MultiValueMap<String, String> withoutOrder(MultiValueMap<String, String> query) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(query);
        copy.remove("order");
        copy.remove("after");
        return copy;
    }

    private static String first(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(FieldError.of("query", "invalid", "must be a URL query string"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
