package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V8 migration turns the history written before it (Java field names, links as "KIND target
 * (merged)" text) into the typed form, on a PostgreSQL database of its own migrated up to V7 first.
 */
class TypedHistoryMigrationTest {

    @Test
    void historyWrittenBeforeV8IsTypedAfterIt() throws Exception {
        String url = TestDatabase.migratedTo("_typed_history", "7");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("""
                    INSERT INTO tickets (number, title, description, state, reporter, api_impact, docs_updated,
                      changelog_updated, version, created_at, updated_at)
                    VALUES (1, 't', '', 'NEW', 'alice', false, false, false, 0, now(), now()),
                           (2, 'u', '', 'NEW', 'alice', false, false, false, 0, now(), now())""");
            c.createStatement().execute("""
                    INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value)
                    VALUES (1, now(), 'alice', 'UPDATED', 'testEvidence', NULL, 'CI run 42'),
                           (1, now(), 'bob', 'LINKED', 'links', 'PULL_REQUEST https://github.com/o/r/pull/7',
                            'PULL_REQUEST https://github.com/o/r/pull/7 (merged)'),
                           (1, now(), 'bob', 'UNLINKED', 'links', 'BLOCKED_BY #2', NULL),
                           (1, now(), 'bob', 'TRANSITIONED', 'state', 'NEW', 'TRIAGED'),
                           (1, now(), 'bob', 'CREATED', NULL, NULL, NULL)""");
        }
        TestDatabase.migrate(url, "8");
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT action, field, before_value, after_value FROM ticket_events ORDER BY id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        assertThat(rows.get("UPDATED")[0]).isEqualTo(TicketView.Field.TEST_EVIDENCE.name());
        assertThat(rows.get("TRANSITIONED")[0]).isEqualTo(TicketView.Field.STATE.name());
        assertThat(rows.get("CREATED")[0]).isNull();
        assertThat(rows.get("LINKED")[0]).isEqualTo(TicketView.Field.LINKS.name());
        assertThat(LinkText.parse(rows.get("LINKED")[1]))
                .isEqualTo(new TicketLink(LinkKind.PULL_REQUEST, "https://github.com/o/r/pull/7", false));
        assertThat(LinkText.parse(rows.get("LINKED")[2]))
                .isEqualTo(new TicketLink(LinkKind.PULL_REQUEST, "https://github.com/o/r/pull/7", true));
        assertThat(LinkText.parse(rows.get("UNLINKED")[1]))
                .isEqualTo(new TicketLink(LinkKind.BLOCKED_BY, "#2", false));
        assertThat(rows.get("UNLINKED")[2]).isNull();
    }
}
