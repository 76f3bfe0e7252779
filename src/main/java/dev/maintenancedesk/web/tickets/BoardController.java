package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.tickets.Move;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import dev.maintenancedesk.web.SlaClocks;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /board}: one column per workflow state, newest cards first. Each card has a button per move
 * the viewer may attempt that needs no reason (moves needing one are made on the ticket page);
 * pressing it attempts the transition and the board shows the gate's answer.
 */
@Controller
class BoardController {

    static final int CARDS_PER_COLUMN = 20;

    private final Tickets tickets;
    private final Viewer viewer;
    private final SlaClocks slaClocks;

    BoardController(Tickets tickets, Viewer viewer, SlaClocks slaClocks) {
        this.tickets = tickets;
        this.viewer = viewer;
        this.slaClocks = slaClocks;
    }

    record Card(TicketSummary ticket, List<TicketState> moves, SlaClocks.Shown sla) {}

    record Column(TicketState state, List<Card> cards, boolean more) {}

    @GetMapping("/board")
    String board(Model model) {
        Actor actor = viewer.actor();
        List<Column> columns = new ArrayList<>();
        for (TicketState state : TicketState.values()) {
            TicketPage page = tickets.list(new TicketFilter(state, null, null, null, null, null, null), null,
                    CARDS_PER_COLUMN);
            // Columns whose clocks have all stopped carry no SLA badge, so none is computed.
            java.util.Map<Long, SlaClocks.Shown> badges = state.stopsClocks() ? java.util.Map.of()
                    : slaClocks.badges(page.items().stream().map(TicketSummary::number).toList());
            List<Card> cards = page.items().stream()
                    .map(t -> new Card(t, moves(t, actor), badges.get(t.number()))).toList();
            columns.add(new Column(state, cards, page.nextAfter() != null));
        }
        model.addAttribute("columns", columns);
        return "board";
    }

    @PostMapping("/board/{number}/move")
    String move(@PathVariable long number, @RequestParam TicketState to, RedirectAttributes redirect) {
        try {
            tickets.transition(number, new TransitionRequest(to, null, null), viewer.actor());
            redirect.addFlashAttribute("moved", number);
            redirect.addFlashAttribute("movedTo", to);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("moveProblem", UiProblem.of(e, number, to.name()));
        }
        return "redirect:/board#card-" + number;
    }

    /** A card offers the moves that need no reason; the others (waiting, rejecting, reopening) are made on the ticket page. */
    private List<TicketState> moves(TicketSummary ticket, Actor actor) {
        return tickets.moves(ticket, actor).stream().filter(m -> !m.needsReason()).map(Move::to).toList();
    }
}
