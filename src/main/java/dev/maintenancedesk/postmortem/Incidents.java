package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Team;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the post-mortem services share about an incident: its zone, its start, its tickets' states over time. */
@Component
class Incidents {

    private final JdbcClient jdbc;
    private final Plan plan;
    private final Tickets tickets;

    Incidents(JdbcClient jdbc, Plan plan, Tickets tickets) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.tickets = tickets;
    }

    /** The team's zone (its own calendar's, else the plan's). */
    ZoneId zone(TicketView ticket) {
        if (ticket.team() != null) {
            ZoneId own = plan.team(ticket.team()).map(Team::calendar).map(CalendarSettings::zone).orElse(null);
            if (own != null) {
                return own;
            }
        }
        return plan.calendar().zone();
    }

    /** When the incident started: the impact start the post-mortem gives, else when the ticket was opened. */
    Instant start(long number) {
        return jdbc.sql("SELECT impact_started_at FROM postmortems WHERE ticket_number = ?").param(number)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant)
                .orElseGet(() -> tickets.get(number).createdAt().toInstant());
    }

    /**
     * Creates the post-mortem's row if need be (an insert that does nothing when another writer created it
     * first), then locks it: the writers of one post-mortem take turns, so none meets another's half-write.
     */
    void touch(long number, String actor, Instant now) {
        jdbc.sql("INSERT INTO postmortems (ticket_number, updated_by, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(number, actor, now.atOffset(java.time.ZoneOffset.UTC)).update();
        jdbc.sql("UPDATE postmortems SET updated_by = ?, updated_at = ? WHERE ticket_number = ?")
                .params(actor, now.atOffset(java.time.ZoneOffset.UTC), number).update();
    }

    /** When the ticket was last closed, if it is closed now. */
    static Instant closedAt(TicketView ticket, List<HistoryEntry> history) {
        if (ticket.state() != TicketState.CLOSED) {
            return null;
        }
        Instant closed = null;
        for (HistoryEntry e : history) {
            if (e.isTransition() && TicketState.CLOSED.name().equals(e.after())) {
                closed = e.at().toInstant();
            }
        }
        return closed;
    }

    /** Whether the ticket was CLOSED at {@code instant} (its last change of state until then led there). */
    static boolean closedAt(List<HistoryEntry> history, Instant instant) {
        String state = null;
        for (HistoryEntry e : history) {
            if (e.at().toInstant().isAfter(instant)) {
                break;
            }
            if (e.isTransition()) {
                state = e.after();
            }
        }
        return TicketState.CLOSED.name().equals(state);
    }
}
