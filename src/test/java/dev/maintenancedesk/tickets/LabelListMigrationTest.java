package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V25 migration copies each ticket's labels onto its row (sorted, as the aggregate keeps them), on a
 * PostgreSQL database of its own migrated up to V24 first; a ticket without labels keeps none.
 */
class LabelListMigrationTest {

    @Test
    void labelsWrittenBeforeV25AreOnTheTicketRowAfterIt() throws Exception {
        String url = TestDatabase.migratedTo("_label_list", "24");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("""
                    INSERT INTO tickets (number, title, description, state, reporter, api_impact, docs_updated,
                      changelog_updated, version, created_at, updated_at)
                    VALUES (1, 't', '', 'NEW', 'alice', false, false, false, 0, now(), now()),
                           (2, 'u', '', 'NEW', 'alice', false, false, false, 0, now(), now())""");
            c.createStatement().execute("""
                    INSERT INTO ticket_labels (ticket_number, label)
                    VALUES (1, 'security'), (1, 'bug'), (1, 'performance')""");
        }
        TestDatabase.migrate(url, "25");
        Map<Long, List<String>> labels = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("SELECT number, labels FROM tickets ORDER BY number")) {
            while (rs.next()) {
                Array array = rs.getArray(2);
                labels.put(rs.getLong(1), array == null ? null : List.of((String[]) array.getArray()));
            }
        }
        assertThat(labels.get(1L)).containsExactly("bug", "performance", "security");
        assertThat(labels.get(2L)).isNull();
    }
}
