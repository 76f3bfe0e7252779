package dev.maintenancedesk.web;

import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketQueries;
import java.time.ZoneId;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: the newest tickets, one keyset page at a time. */
@Controller
class HomeController {

    static final int PAGE_SIZE = 25;

    /** The plan's calendar zone; dates are shown in it with its name, never in the server's zone. */
    static final ZoneId DISPLAY_ZONE = ZoneId.of("Europe/Paris");

    private final TicketQueries tickets;

    // @Lazy: the tickets module's implementation is resolved on first use, so the web layer starts
    // (and its start-up tests run) on a branch where that implementation has not landed yet.
    HomeController(@Lazy TicketQueries tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Long after, Model model) {
        model.addAttribute("page", tickets.list(TicketFilter.none(), after, PAGE_SIZE));
        model.addAttribute("after", after);
        model.addAttribute("zone", DISPLAY_ZONE);
        return "home";
    }
}
