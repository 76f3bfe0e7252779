package dev.maintenancedesk.web;

import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.ReleaseTag;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaStatus;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketQueries;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: a banner while any P1 is open, the viewer's open tickets (most urgent SLA first), the
 * clocks at risk and breached, and the next release windows.
 */
@Controller
class HomeController {

    static final int MINE = 25;
    static final int SLA_ROWS = 10;
    static final int P1_ROWS = 10;


    private final TicketQueries tickets;
    private final Sla sla;
    private final SlaClocks slaClocks;
    private final Viewer viewer;
    private final ReleaseWindows releaseWindows;
    private final Plan plan;
    private final Clock clock;

    HomeController(TicketQueries tickets, Sla sla, SlaClocks slaClocks, Viewer viewer, Plan plan, Clock clock) {
        this.tickets = tickets;
        this.sla = sla;
        this.slaClocks = slaClocks;
        this.viewer = viewer;
        this.plan = plan;
        this.releaseWindows = new ReleaseWindows(plan);
        this.clock = clock;
    }

    /** A row of the SLA lists: the ticket and its most urgent counting clock. */
    record SlaRow(long number, String title, String assignee, SlaClocks.Shown clock) {}

    /** The next day a release of this kind may ship. */
    record NextWindow(ReleaseTag tag, LocalDate date) {}

    @GetMapping("/")
    String home(Model model) {
        String me = viewer.actor().username();
        List<TicketSummary> mine = TicketState.open().stream()
                .flatMap(s -> tickets.list(new TicketFilter(s, null, null, null, me, null, null), null, MINE).items().stream())
                .sorted(Comparator.comparingLong(TicketSummary::number).reversed())
                .limit(MINE)
                .toList();
        Map<Long, SlaClocks.Shown> badges = slaClocks.badges(mine.stream().map(TicketSummary::number).toList());
        model.addAttribute("mine", mine.stream().sorted(urgency(badges)).toList());
        model.addAttribute("badges", badges);
        model.addAttribute("me", me);

        model.addAttribute("p1", TicketState.fixPending().stream()
                .flatMap(s -> tickets.list(new TicketFilter(s, Priority.P1, null, null, null, null, null), null, P1_ROWS)
                        .items().stream())
                .sorted(Comparator.comparingLong(TicketSummary::number).reversed())
                .toList());
        model.addAttribute("atRisk", slaRows(SlaStatus.AT_RISK));
        model.addAttribute("breached", slaRows(SlaStatus.BREACHED));
        model.addAttribute("windows", windows());
        return "home";
    }

    private List<SlaRow> slaRows(SlaStatus status) {
        return sla.list(status, SLA_ROWS).stream()
                .map(t -> new SlaRow(t.number(), t.title(), t.assignee(), slaClocks.badge(t.sla()).orElse(null)))
                .toList();
    }

    private List<NextWindow> windows() {
        LocalDate today = LocalDate.now(clock.withZone(plan.calendar().zone()));
        return List.of(ReleaseTag.PATCH, ReleaseTag.MINOR, ReleaseTag.MAJOR).stream()
                .map(tag -> releaseWindows.firstOnOrAfter(today, tag)
                        .map(w -> new NextWindow(tag, w.date())))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Breached first, then the least time left; tickets with no counting clock last, newest first. */
    private static Comparator<TicketSummary> urgency(Map<Long, SlaClocks.Shown> badges) {
        return Comparator.comparing((TicketSummary t) -> badges.get(t.number()) == null)
                .thenComparing(t -> {
                    SlaClocks.Shown b = badges.get(t.number());
                    return b == null || !"breached".equals(b.status());
                })
                .thenComparing(t -> {
                    SlaClocks.Shown b = badges.get(t.number());
                    return b == null || b.remainingMinutes() == null ? Long.MAX_VALUE : b.remainingMinutes();
                })
                .thenComparing(Comparator.comparingLong(TicketSummary::number).reversed());
    }
}
