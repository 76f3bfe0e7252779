package dev.maintenancedesk.tickets;

import static dev.maintenancedesk.tickets.TicketState.ASSIGNED;
import static dev.maintenancedesk.tickets.TicketState.CLOSED;
import static dev.maintenancedesk.tickets.TicketState.IN_PROGRESS;
import static dev.maintenancedesk.tickets.TicketState.IN_REVIEW;
import static dev.maintenancedesk.tickets.TicketState.MERGED;
import static dev.maintenancedesk.tickets.TicketState.NEW;
import static dev.maintenancedesk.tickets.TicketState.REJECTED;
import static dev.maintenancedesk.tickets.TicketState.TRIAGED;
import static dev.maintenancedesk.tickets.TicketState.WAITING;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan's seven-step workflow (DESIGN §4) as the {@link Ticket} aggregate consults it: which moves
 * exist, who may make them, which need a reason, and the gate each one must pass. Gate answers are
 * requirement keys so that the API and the UI list every unmet one.
 */
final class Workflow {

    private static final Map<TicketState, List<TicketState>> MOVES = new EnumMap<>(Map.of(
            NEW, List.of(TRIAGED, WAITING, REJECTED),
            TRIAGED, List.of(ASSIGNED, WAITING, REJECTED),
            ASSIGNED, List.of(IN_PROGRESS, WAITING, REJECTED),
            IN_PROGRESS, List.of(IN_REVIEW, WAITING, REJECTED),
            IN_REVIEW, List.of(MERGED, IN_PROGRESS, WAITING),
            MERGED, List.of(CLOSED),
            CLOSED, List.of(TRIAGED),
            REJECTED, List.of(TRIAGED)));

    private final Set<String> testsExemptLabels;
    private final Function<String, Optional<UserAccount>> users;
    private final Iterable<TransitionGate> extraGates;

    Workflow(Set<String> testsExemptLabels, Function<String, Optional<UserAccount>> users,
            Iterable<TransitionGate> extraGates) {
        this.testsExemptLabels = testsExemptLabels;
        this.users = users;
        this.extraGates = extraGates;
    }

    /** The states a ticket in {@code state} may move to, roles and gates aside. */
    static List<TicketState> moves(TicketState state, TicketState waitingFrom) {
        if (state == WAITING) {
            return waitingFrom == null ? List.of() : List.of(waitingFrom);
        }
        return MOVES.getOrDefault(state, List.of());
    }

    /** Whether the actor's role lets them make this move (gates aside). */
    static boolean permits(Actor actor, TicketState from, String reporter, TicketState to) {
        if (to == CLOSED) {
            return actor.username().equals(reporter) || actor.atLeast(Role.LEAD);
        }
        if (isReopening(from, to)) {
            return actor.atLeast(Role.LEAD);
        }
        return actor.atLeast(Role.DEVELOPER);
    }

    /** Waiting, rejecting and reopening must say why. */
    static boolean needsReason(TicketState from, TicketState to) {
        return to == WAITING || to == REJECTED || isReopening(from, to);
    }

    static boolean isReopening(TicketState from, TicketState to) {
        return to == TRIAGED && (from == CLOSED || from == REJECTED);
    }

    /** Every requirement of the move that the ticket does not meet yet, the reason aside. */
    List<String> unmet(Ticket ticket, TicketState to) {
        TicketState from = ticket.state();
        List<String> missing = new ArrayList<>();
        switch (to) {
            case TRIAGED -> {
                if (from == NEW) {
                    if (ticket.type() == null) missing.add("type");
                    if (ticket.priority() == null) missing.add("priority");
                }
            }
            case ASSIGNED -> {
                if (from == TRIAGED && !assignedToDeveloper(ticket)) missing.add("assignee");
            }
            case IN_REVIEW -> {
                if (from == IN_PROGRESS) {
                    if (!ticket.hasPullRequest()) missing.add("pull_request");
                    if (blank(ticket.testEvidence()) && !exemptFromTests(ticket)) missing.add("test_evidence");
                }
            }
            case MERGED -> {
                if (!ticket.hasMergedPullRequest()) missing.add("pull_request_merged");
                if (blank(ticket.releaseNote())) missing.add("release_note");
                if (ticket.apiImpact() && !ticket.docsUpdated()) missing.add("docs_updated");
                if (ticket.apiImpact() && !ticket.changelogUpdated()) missing.add("changelog_updated");
            }
            default -> { }
        }
        if (from != WAITING) {
            TicketView view = ticket.view(java.time.ZoneOffset.UTC);
            extraGates.forEach(gate -> missing.addAll(gate.unmet(view, to)));
        }
        return missing;
    }

    private boolean assignedToDeveloper(Ticket ticket) {
        return ticket.assignee() != null && users.apply(ticket.assignee())
                .filter(u -> u.enabled() && u.role().atLeast(Role.DEVELOPER))
                .isPresent();
    }

    /** Documentation-only tickets need no test evidence: every label is an exempt one. */
    private boolean exemptFromTests(Ticket ticket) {
        return !ticket.labels().isEmpty() && testsExemptLabels.containsAll(ticket.labels());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
