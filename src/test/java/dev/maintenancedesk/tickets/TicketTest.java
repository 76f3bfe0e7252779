package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.RequirementsUnmet;
import dev.maintenancedesk.tickets.TicketView.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The aggregate guards its state and says what happened through the events it registers. */
class TicketTest {

    static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");
    static final Actor DEV = new Actor("dev", Role.DEVELOPER);
    static final Actor REPORTER = new Actor("alice", Role.REPORTER);
    final Workflow workflow = new Workflow(Set.of("documentation"), u -> Optional.empty(), List.of());
    final AtomicLong numbers = new AtomicLong();

    Ticket open(String title) {
        return Ticket.open(new NewTicket(title, "text", null, null, List.of("bug"), null, null, null, null, null),
                "alice", numbers::incrementAndGet, NOW);
    }

    @Test
    void aRefusedOpeningDrawsNoNumber() {
        assertThatThrownBy(() -> open(" ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Ticket.open(new NewTicket("ok", null, null, null, List.of("Bad Label"), null, null,
                null, null, null), "alice", numbers::incrementAndGet, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("labels[0]"));
        assertThatThrownBy(() -> open("a\u0000b"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().getFirst().code()).isEqualTo("nul"));
        assertThatThrownBy(() -> open("lone \ud800 surrogate"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().getFirst().code()).isEqualTo("surrogate"));
        assertThat(numbers.get()).isZero();
        assertThat(open("fine").number()).isEqualTo(1);
    }

    @Test
    void openingRegistersTheCreationAndItsInitialValues() {
        List<Object> events = open("fine").releaseEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(TicketCreated.class);
        assertThat(((TicketEdited) events.get(1)).changes())
                .containsExactly(new FieldChange(Field.LABELS, null, "bug"));
    }

    @Test
    void anEditRegistersWhatChangedAndAPriorityChange() {
        Ticket ticket = open("fine");
        ticket.releaseEvents();
        ticket.edit(new TicketView.Changes(0, "fine", null, TicketType.CORRECTIVE, Priority.P2, null, null, null,
                null, null, null, null, null, null), DEV, NOW);
        List<Object> events = ticket.releaseEvents();
        assertThat(((TicketEdited) events.get(0)).changes()).extracting(FieldChange::field)
                .containsExactly(Field.TYPE, Field.PRIORITY);
        assertThat(events.get(1)).isEqualTo(new TicketPriorityChanged(1, null, Priority.P2, "dev", NOW));
        assertThat(ticket.releaseEvents()).as("handed out once").isEmpty();
    }

    @Test
    void aReporterEditsOnlyTheOwnTextOfTheirOwnTicket() {
        Ticket ticket = open("fine");
        assertThat(ticket.editableBy(REPORTER)).containsExactlyInAnyOrder(Field.TITLE, Field.DESCRIPTION, Field.LABELS);
        assertThat(ticket.editableBy(new Actor("bob", Role.REPORTER))).isEmpty();
        assertThatThrownBy(() -> ticket.edit(new TicketView.Changes(0, null, null, null, Priority.P1, null, null, null,
                null, null, null, null, null, null), REPORTER, NOW)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aMoveIsCheckedForExistenceRoleAndGateBeforeAnythingChanges() {
        Ticket ticket = open("fine");
        ticket.releaseEvents();
        assertThatThrownBy(() -> ticket.transition(TicketState.MERGED, null, null, DEV, workflow, NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> ticket.transition(TicketState.TRIAGED, null, null, REPORTER, workflow, NOW))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> ticket.transition(TicketState.TRIAGED, null, null, DEV, workflow, NOW))
                .isInstanceOfSatisfying(RequirementsUnmet.class,
                        e -> assertThat(e.missing()).containsExactly("type", "priority"));
        assertThatThrownBy(() -> ticket.transition(TicketState.WAITING, " ", null, DEV, workflow, NOW))
                .isInstanceOfSatisfying(RequirementsUnmet.class, e -> assertThat(e.missing()).containsExactly("reason"));
        assertThat(ticket.state()).isEqualTo(TicketState.NEW);
        assertThat(ticket.releaseEvents()).isEmpty();

        ticket.transition(TicketState.WAITING, "customer", null, DEV, workflow, NOW);
        assertThat(ticket.releaseEvents()).containsExactly(
                new TicketTransitioned(1, TicketState.NEW, TicketState.WAITING, "dev", "customer", NOW, "alice"));
        assertThat(ticket.moves(DEV, workflow)).extracting(Move::to).containsExactly(TicketState.NEW);
    }

    @Test
    void collectionsLeaveTheAggregateUnmodifiable() {
        Ticket ticket = open("fine");
        assertThatThrownBy(() -> ticket.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ticket.links().add(new TicketLink(LinkKind.COMMIT, "abc1234", false)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
