package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketAction;
import dev.maintenancedesk.tickets.TicketView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A ticket's history as stored, read with plain SQL (not through the tickets module), as the clocks see it. */
final class StoredTimelines {

    private StoredTimelines() {}

    static Timeline read(JdbcClient jdbc, long n) {
        return read(jdbc, n, UnaryOperator.identity());
    }

    /** {@code fields} may rename the field of rows (to corrupt a history on purpose). */
    static Timeline read(JdbcClient jdbc, long n, UnaryOperator<TicketView.Field> fields) {
        Instant createdAt = jdbc.sql("SELECT created_at FROM tickets WHERE number = ?").param(n)
                .query(OffsetDateTime.class).single().toInstant();
        List<HistoryEntry> entries = jdbc.sql("""
                SELECT id, occurred_at, actor, action, field, before_value, after_value, reason
                FROM ticket_events WHERE ticket_number = ? ORDER BY id""")
                .param(n)
                .query((rs, i) -> new HistoryEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), TicketAction.valueOf(rs.getString("action")),
                        rs.getString("field") == null ? null : fields.apply(TicketView.Field.valueOf(rs.getString("field"))),
                        rs.getString("before_value"), rs.getString("after_value"), rs.getString("reason"), null, null))
                .list();
        assertThat(entries).as("#%s has a stored history", n).isNotEmpty();
        return Timeline.of(createdAt, entries);
    }
}
