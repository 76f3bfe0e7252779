package dev.maintenancedesk.tickets.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.Comment;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.Move;
import dev.maintenancedesk.tickets.TicketPermissions;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketFacet;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.function.SingletonSupplier;

@RestController
@RequestMapping("/api/v1/tickets")
class TicketApi {

    private final Tickets tickets;
    /** Looked up once, when first needed (asking the bean factory on every answer cost ~2 % of a read). */
    private final SingletonSupplier<List<TicketFacet>> facets;

    TicketApi(Tickets tickets, ObjectProvider<TicketFacet> facets) {
        this.tickets = tickets;
        this.facets = SingletonSupplier.of(() -> facets.orderedStream().toList());
    }

    private TicketResource resource(TicketView ticket) {
        return TicketResource.of(ticket, facets.obtain());
    }

    @PostMapping
    ResponseEntity<TicketResource> create(@RequestBody NewTicket request, Authentication auth) {
        TicketView created = tickets.create(request, Actor.of(auth));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.number())).body(resource(created));
    }

    @GetMapping
    TicketPage list(@RequestParam(required = false) java.util.List<TicketState> state,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "newest") Order order,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) Boolean unassigned,
            @RequestParam(required = false) String reporter, Authentication auth) {
        if (Boolean.TRUE.equals(unassigned) && assignee != null) {
            throw dev.maintenancedesk.problem.InvalidInput.of(java.util.List.of(dev.maintenancedesk.problem.FieldError.of(
                    "unassigned", "conflict", "unassigned=true and an assignee exclude each other")));
        }
        if (state != null && state.contains(null)) {
            // A blank value converts to no state: a question without an answer, not "every state".
            throw dev.maintenancedesk.problem.InvalidInput.of(dev.maintenancedesk.problem.FieldError.of("state",
                    "required", "a state must not be blank"));
        }
        TicketFilter filter = new TicketFilter(state == null ? null : java.util.Set.copyOf(state), priority, type,
                label, me(assignee, auth), team, text, me(reporter, auth), Boolean.TRUE.equals(unassigned));
        if (order == Order.due) {
            return tickets.listByDue(filter, after, limit);
        }
        return tickets.listNewest(filter, after, limit);
    }

    /** {@code me} stands for the caller's username. */
    private static String me(String username, Authentication auth) {
        return "me".equals(username) ? auth.getName() : username;
    }

    /** List orders: newest first (default), or most urgent SLA deadline first. */
    enum Order { newest, due }


    @GetMapping("/{number}")
    TicketResource get(@PathVariable long number) {
        return resource(tickets.get(number));
    }

    @PatchMapping(path = "/{number}", consumes = {"application/json", "application/merge-patch+json"})
    TicketResource update(@PathVariable long number, @RequestBody TicketView.Changes changes, Authentication auth) {
        return resource(tickets.update(number, changes, Actor.of(auth)));
    }

    @PostMapping("/{number}/transitions")
    TicketResource transition(@PathVariable long number, @RequestBody TransitionRequest request,
            Authentication auth) {
        return resource(tickets.transition(number, request, Actor.of(auth)));
    }

    /**
     * The moves the caller may attempt now, each with the gate requirements still unmet, whether it is
     * allowed now and whether it needs a reason.
     */
    @GetMapping("/{number}/transitions")
    List<Move> moves(@PathVariable long number, Authentication auth) {
        return tickets.moves(number, Actor.of(auth));
    }

    /** What the caller may do with the ticket: moves, the fields they may edit, linking and commenting. */
    @GetMapping("/{number}/permissions")
    TicketPermissions permissions(@PathVariable long number, Authentication auth) {
        return tickets.permissions(number, Actor.of(auth));
    }

    @GetMapping("/{number}/history")
    List<HistoryEntry> history(@PathVariable long number) {
        return tickets.history(number);
    }

    @PostMapping("/{number}/links")
    TicketResource link(@PathVariable long number, @RequestBody TicketLink link, Authentication auth) {
        return resource(tickets.link(number, link, Actor.of(auth)));
    }

    @DeleteMapping("/{number}/links")
    TicketResource unlink(@PathVariable long number, @RequestParam LinkKind kind,
            @RequestParam String target, Authentication auth) {
        return resource(tickets.unlink(number, kind, target, Actor.of(auth)));
    }

    @GetMapping("/{number}/comments")
    List<Comment> comments(@PathVariable long number) {
        return tickets.comments(number);
    }

    @PostMapping("/{number}/comments")
    ResponseEntity<Comment> comment(@PathVariable long number, @RequestBody NewComment request,
            Authentication auth) {
        Comment comment = tickets.comment(number, request.body(), Actor.of(auth));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + number + "/comments")).body(comment);
    }

    record NewComment(String body) {}
}
