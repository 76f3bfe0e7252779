package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The V25 migration copies each ticket's labels onto its row (sorted, as the aggregate keeps them), on a
 * PostgreSQL database of its own migrated up to V24 first; a ticket without labels keeps none.
 */
class LabelListMigrationTest {

    private static final String SERVER = System.getenv().getOrDefault("DESK_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @Test
    void labelsWrittenBeforeV25AreOnTheTicketRowAfterIt() throws Exception {
        // The name follows TestDatabase's pattern so that a killed run's leftover is dropped next time.
        String name = "desk_test_" + ProcessHandle.current().pid() + "_" + (System.currentTimeMillis() + 25);
        execute(SERVER, "CREATE DATABASE " + name);
        String url = SERVER.replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name);
        try {
            flyway(url, "24").migrate();
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
            flyway(url, "25").migrate();
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
        } finally {
            execute(SERVER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "", "")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .target(target).load();
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        }
    }
}
