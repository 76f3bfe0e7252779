package dev.maintenancedesk.web.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.tickets.Move;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketSummary;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import dev.maintenancedesk.web.SlaClocks;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /board}: one column per workflow state, newest cards first. Each card has a button per move
 * the viewer may attempt that needs no reason (moves needing one are made on the ticket page);
 * pressing it, or dropping the card on another column, attempts the transition and the card shows the
 * gate's answer.
 *
 * <p>Two ways to ask, one endpoint: a plain form POST is answered by a redirect to the board (the answer
 * travels as flash attributes and is shown on the card); an htmx request ({@code HX-Request}) is answered
 * in place: a refusal swaps the card alone, with the reason on it; a move swaps the columns it left and
 * joined (out-of-band, {@code HX-Reswap: none}).
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

    /** What a card says after an attempt: moved to {@code to}, or refused ({@code problem}). */
    record Answer(String to, UiProblem problem) {

        public boolean refused() {
            return problem != null;
        }

        /** The refusal asks for a reason: such moves are made on the ticket page. */
        public boolean needsReason() {
            return problem != null && problem.missing().contains("reason");
        }
    }

    record Card(TicketSummary ticket, List<TicketState> moves, SlaClocks.Shown sla, Answer answer) {}

    record Column(TicketState state, List<Card> cards, boolean more) {}

    @GetMapping("/board")
    String board(Model model) {
        Actor actor = viewer.actor();
        Answer answer = null;
        Long number = null;
        if (model.getAttribute("moveProblem") instanceof UiProblem problem) {
            answer = new Answer(problem.target(), problem);
            number = problem.ticket();
        } else if (model.getAttribute("moved") instanceof Long moved && model.getAttribute("movedTo") != null) {
            answer = new Answer(String.valueOf(model.getAttribute("movedTo")), null);
            number = moved;
        }
        TicketSummary answered = number == null ? null : current(number);
        if (number != null && answered == null) {
            // No such ticket (any more): no card to show the answer on, so it goes above the board.
            model.addAttribute("orphanNumber", number);
            model.addAttribute("orphanAnswer", answer);
        }
        model.addAttribute("columns", columns(List.of(TicketState.values()), actor, answered, answer));
        return "board";
    }

    @PostMapping("/board/{number}/move")
    String move(@PathVariable long number, @RequestParam(required = false) String to,
            @RequestParam(required = false) String from,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = viewer.actor();
        TicketState target = state(to);
        UiProblem problem = null;
        TicketView moved = null;
        if (target == null) {
            problem = new UiProblem(400, null, null, List.of(), List.of(new UiProblem.FieldProblem("to", null)),
                    number, null, null, List.of());
        } else {
            try {
                moved = tickets.transition(number, new TransitionRequest(target, null, null), actor);
            } catch (ErrorResponseException e) {
                problem = UiProblem.of(e, number, target.name());
            }
        }
        if (!"true".equals(htmx)) {
            if (problem == null) {
                redirect.addFlashAttribute("moved", number);
                redirect.addFlashAttribute("movedTo", target);
            } else {
                redirect.addFlashAttribute("moveProblem", problem);
            }
            return "redirect:/board#card-" + number;
        }

        TicketState shownIn = state(from);
        Answer answer = new Answer(target == null ? null : target.name(), problem);
        TicketSummary ticket = moved != null ? summary(moved) : current(number);
        if (ticket == null) {
            // Not a ticket (any more): the card that asked shows why, and nothing else changes.
            model.addAttribute("number", number);
            model.addAttribute("answer", answer);
            return "fragments/board :: gone";
        }
        if (problem != null && (shownIn == null || shownIn == ticket.state())) {
            model.addAttribute("card", card(ticket, actor, badges(List.of(ticket)), answer));
            return "fragments/board :: refused";
        }
        // Moved (here or meanwhile elsewhere): the column it left and the one it is in now.
        Set<TicketState> states = new LinkedHashSet<>();
        if (shownIn != null) {
            states.add(shownIn);
        }
        states.add(ticket.state());
        model.addAttribute("columns", columns(List.copyOf(states), actor, ticket, answer));
        response.setHeader("HX-Reswap", "none");
        return "fragments/board :: columns";
    }

    /**
     * The columns of these states, newest cards first; the answered ticket's card is in its column even
     * when it is older than the column's first cards. The SLA badges of every card are computed together
     * (columns whose clocks have all stopped carry none).
     */
    private List<Column> columns(List<TicketState> states, Actor actor, TicketSummary answered, Answer answer) {
        Map<TicketState, List<TicketSummary>> rows = new LinkedHashMap<>();
        Map<TicketState, Boolean> more = new LinkedHashMap<>();
        List<TicketSummary> all = new ArrayList<>();
        for (TicketState state : states) {
            TicketPage page = tickets.list(new TicketFilter(state, null, null, null, null, null, null), null,
                    CARDS_PER_COLUMN);
            List<TicketSummary> items = new ArrayList<>(page.items());
            if (answered != null && answered.state() == state
                    && items.stream().noneMatch(t -> t.number() == answered.number())) {
                items.addFirst(answered);
            }
            rows.put(state, items);
            more.put(state, page.nextAfter() != null);
            all.addAll(items);
        }
        Map<Long, SlaClocks.Shown> badges = badges(all);
        List<Column> columns = new ArrayList<>();
        rows.forEach((state, items) -> columns.add(new Column(state, items.stream()
                .map(t -> card(t, actor, badges,
                        answered != null && t.number() == answered.number() ? answer : null))
                .toList(), more.get(state))));
        return columns;
    }

    private Card card(TicketSummary ticket, Actor actor, Map<Long, SlaClocks.Shown> badges, Answer answer) {
        return new Card(ticket, moves(ticket, actor), badges.get(ticket.number()), answer);
    }

    /** One bulk computation for all the cards whose clocks may still count. */
    private Map<Long, SlaClocks.Shown> badges(List<TicketSummary> cards) {
        List<Long> counting = cards.stream().filter(t -> !t.state().stopsClocks()).map(TicketSummary::number)
                .distinct().toList();
        return counting.isEmpty() ? Map.of() : slaClocks.badges(counting);
    }

    /** A card offers the moves that need no reason; the others (waiting, rejecting, reopening) are made on the ticket page. */
    private List<TicketState> moves(TicketSummary ticket, Actor actor) {
        return tickets.moves(ticket, actor).stream().filter(m -> !m.needsReason()).map(Move::to).toList();
    }

    /** The ticket as a card shows it now, or null when there is no such ticket. */
    private TicketSummary current(long number) {
        try {
            return summary(tickets.get(number));
        } catch (ErrorResponseException e) {
            return null;
        }
    }

    private static TicketSummary summary(TicketView t) {
        return new TicketSummary(t.number(), t.title(), t.type(), t.priority(), t.state(), t.labels(), t.reporter(),
                t.assignee(), t.createdAt() == null ? null : t.createdAt().toInstant(), null, t.waitingFrom());
    }

    private static TicketState state(String name) {
        if (name == null) {
            return null;
        }
        for (TicketState state : TicketState.values()) {
            if (state.name().equals(name.strip())) {
                return state;
            }
        }
        return null;
    }
}
