package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The moves of a listed ticket (the board's buttons) are the ones its page offers, without loading it. */
@DeskTest
class TicketMovesTest {

    @Autowired
    Tickets tickets;

    @Test
    void listedMovesMatchTheTicketsOwnForEveryRole() {
        Actor reporter = new Actor("moves-rep", Role.REPORTER);
        Actor admin = new Actor("admin", Role.ADMIN);
        long fresh = tickets.create(new NewTicket("fresh", null, TicketType.CORRECTIVE, Priority.P3, List.of("moves"),
                null, null, null, null, null), reporter).number();
        long waiting = tickets.create(new NewTicket("waiting", null, TicketType.CORRECTIVE, Priority.P3,
                List.of("moves"), null, null, null, null, null), reporter).number();
        tickets.transition(waiting, new TransitionRequest(TicketState.TRIAGED, null, null), admin);
        tickets.transition(waiting, new TransitionRequest(TicketState.WAITING, "customer", null), admin);
        long rejected = tickets.create(new NewTicket("rejected", null, null, null, List.of("moves"), null, null, null,
                null, null), reporter).number();
        tickets.transition(rejected, new TransitionRequest(TicketState.REJECTED, "duplicate", null), admin);

        List<TicketSummary> listed = tickets.list(new TicketFilter(null, null, null, "moves", null, null, null), null, 10)
                .items();
        assertThat(listed).extracting(TicketSummary::number).contains(fresh, waiting, rejected);
        for (Actor actor : List.of(reporter, new Actor("moves-dev", Role.DEVELOPER), new Actor("moves-lead", Role.LEAD))) {
            for (TicketSummary t : listed) {
                List<Move> full = tickets.moves(t.number(), actor);
                assertThat(tickets.moves(t, actor)).as("#%s for %s", t.number(), actor)
                        .extracting(Move::to, Move::needsReason)
                        .containsExactlyElementsOf(full.stream()
                                .map(m -> org.assertj.core.groups.Tuple.tuple(m.to(), m.needsReason())).toList());
            }
        }
        TicketSummary w = listed.stream().filter(t -> t.number() == waiting).findFirst().orElseThrow();
        assertThat(w.waitingFrom()).isEqualTo(TicketState.TRIAGED);
    }
}
