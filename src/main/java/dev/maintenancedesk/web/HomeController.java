package dev.maintenancedesk.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketQueries;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: the newest tickets, one keyset page at a time. */
@Controller
class HomeController {

    static final int PAGE_SIZE = 25;

    private final TicketQueries tickets;
    /** The plan's calendar zone; dates are shown in it with its name, never in the server's zone. */
    private final ZoneId zone;

    HomeController(TicketQueries tickets, Plan plan) {
        this.tickets = tickets;
        this.zone = plan.calendar().zone();
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Long after, Model model) {
        model.addAttribute("page", tickets.list(TicketFilter.none(), after, PAGE_SIZE));
        model.addAttribute("after", after);
        model.addAttribute("zone", zone);
        return "home";
    }
}
