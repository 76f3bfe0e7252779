package dev.maintenancedesk.web;

import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: the newest tickets, one keyset page at a time. */
@Controller
class HomeController {

    static final int PAGE_SIZE = 25;

    private final TicketQueries tickets;
    /** Dates are shown in the viewer's zone (profile, else the plan calendar's) with its name. */
    private final Viewer viewer;

    HomeController(TicketQueries tickets, Viewer viewer) {
        this.tickets = tickets;
        this.viewer = viewer;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Long after, Model model) {
        model.addAttribute("page", tickets.list(TicketFilter.none(), after, PAGE_SIZE));
        model.addAttribute("after", after);
        model.addAttribute("zone", viewer.zone());
        return "home";
    }
}
