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
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page, by role, under a banner while any P1 is open: a reporter sees their reports (open ones
 * first); a developer the open tickets assigned to them (most urgent SLA first), then the clocks at risk
 * and breached; a lead (or admin) the tickets to triage, the unassigned ones and the clocks. Each section
 * is one query and links to the same view of the list. Everyone sees the next release windows.
 */
@Controller
class HomeController {

    static final int MINE = 25;
    static final int SLA_ROWS = 10;
    static final int P1_ROWS = 10;
    static final int QUEUE_ROWS = 15;


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
        Actor actor = viewer.actor();
        String me = actor.username();
        Set<TicketState> open = Set.copyOf(TicketState.open());
        boolean lead = actor.atLeast(Role.LEAD);
        boolean developer = actor.atLeast(Role.DEVELOPER);
        model.addAttribute("me", me);
        model.addAttribute("lead", lead);
        model.addAttribute("developer", developer);

        List<TicketSummary> mine = List.of();
        List<TicketSummary> toQualify = List.of();
        List<TicketSummary> unassigned = List.of();
        if (developer) {
            mine = tickets.listByDue(TicketFilter.open().withAssignee(me), null, MINE).items();
        }
        if (lead) {
            toQualify = tickets.list(TicketFilter.none().withStates(Set.of(TicketState.NEW)), null, QUEUE_ROWS).items();
            unassigned = tickets.list(TicketFilter.open().withUnassigned(), null, QUEUE_ROWS).items();
            model.addAttribute("toQualify", toQualify);
            model.addAttribute("unassigned", unassigned);
        }
        Map<Long, SlaClocks.Shown> badges = slaClocks.badges(java.util.stream.Stream.of(mine, toQualify, unassigned)
                .flatMap(List::stream).map(TicketSummary::number).distinct().toList());
        model.addAttribute("badges", badges);
        // A developer always sees their queue; a lead sees theirs above the team's queues once they hold tickets.
        if (developer && (!lead || !mine.isEmpty())) {
            model.addAttribute("mine", mine.stream().sorted(urgency(badges)).toList());
        }
        if (!developer) {
            // Open ones first: the open reports, then as many closed or rejected as the section has room for.
            List<TicketSummary> reported = new ArrayList<>(tickets.list(TicketFilter.open().withReporter(me), null,
                    MINE).items());
            if (reported.size() < MINE) {
                reported.addAll(tickets.list(TicketFilter.none().withStates(Set.of(TicketState.CLOSED,
                        TicketState.REJECTED)).withReporter(me), null, MINE - reported.size()).items());
            }
            model.addAttribute("reported", reported);
        }

        model.addAttribute("p1", tickets.list(TicketFilter.none().withStates(Set.copyOf(TicketState.fixPending()))
                .withPriority(Priority.P1), null, P1_ROWS).items());
        if (developer) {
            model.addAttribute("atRisk", slaRows(SlaStatus.AT_RISK));
            model.addAttribute("breached", slaRows(SlaStatus.BREACHED));
        }
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
