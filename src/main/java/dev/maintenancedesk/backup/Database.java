package dev.maintenancedesk.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The few things a backup must know of a database beyond JDBC: which tables are the desk's (its schema,
 * without Flyway's own history and the tables other libraries rebuild), in which order their foreign keys
 * allow them to be filled, and where their sequences stand.
 */
final class Database {

    /**
     * Rebuilt by their libraries or meaningless elsewhere: sessions, the job scheduler's picks, Flyway's history,
     * and the plan the SLA projection was last rebuilt for (its migration writes the row; left out, a restored
     * desk rebuilds every ticket's clocks from the restored histories at its first start).
     */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes",
            "scheduled_tasks", "sla_projection");

    final Connection connection;
    final boolean postgres;
    private final String schema;

    Database(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        this.schema = connection.getSchema();
    }

    String product() throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }

    /** The desk's tables, a table before any table that references it (a self-reference is allowed). */
    List<String> tablesInInsertOrder() throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name)) {
                    references.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : new ArrayList<>(references.keySet())) {
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && references.containsKey(parent)) {
                        references.get(table).add(parent);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(references.keySet());
        names.sort(null);
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(references.get(name))) {
                    placed.add(name);
                    order.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables' foreign keys form a cycle: " + names);
            }
        }
        return order;
    }

    /** The primary key's columns (for a stable row order), else every column. */
    List<String> orderColumns(String table, List<String> columns) throws SQLException {
        List<String> key = new ArrayList<>();
        Map<Short, String> bySeq = new HashMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, schema,
                table)) {
            while (rs.next()) {
                bySeq.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        bySeq.keySet().stream().sorted().forEach(seq -> key.add(bySeq.get(seq)));
        return key.isEmpty() ? columns : key;
    }

    /** Each sequence of the schema with the value its next call gives. */
    List<Manifest.Sequence> sequences() throws SQLException {
        List<Manifest.Sequence> sequences = new ArrayList<>();
        String sql = postgres
                ? "SELECT sequencename, COALESCE(last_value + increment_by, start_value) FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1"
                : "SELECT sequence_name, base_value FROM information_schema.sequences WHERE sequence_schema = current_schema() ORDER BY 1";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                sequences.add(new Manifest.Sequence(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2)));
            }
        }
        return sequences;
    }

    /** Sets a sequence of the backup; one the target does not have (another engine's identity) is skipped. */
    void setNext(Manifest.Sequence sequence) throws SQLException {
        if (sequences().stream().noneMatch(s -> s.name().equals(sequence.name()))) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            if (postgres) {
                st.execute("SELECT setval('" + identifier(sequence.name()) + "', " + sequence.next() + ", false)");
            } else {
                st.execute("ALTER SEQUENCE " + identifier(sequence.name()) + " RESTART WITH " + sequence.next());
            }
        }
    }

    /**
     * Identity columns continue past the restored rows: H2 keeps their counter outside any listed sequence,
     * and a backup of the other engine does not carry PostgreSQL's identity sequences.
     */
    void restartIdentities(String table) throws SQLException {
        if (postgres) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                            + "AND table_name = '" + identifier(table) + "' AND (is_identity = 'YES' "
                            + "OR column_default LIKE 'nextval(%')")) {
                List<String> identities = new ArrayList<>();
                while (rs.next()) {
                    identities.add(identifier(rs.getString(1)));
                }
                for (String column : identities) {
                    try (Statement set = connection.createStatement()) {
                        set.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), "
                                + "(SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table + "), false)");
                    }
                }
            }
            return;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND lower(table_name) = '" + identifier(table) + "' AND is_identity = 'YES'")) {
            List<String> identities = new ArrayList<>();
            while (rs.next()) {
                identities.add(rs.getString(1));
            }
            for (String column : identities) {
                long next;
                try (Statement max = connection.createStatement(); ResultSet m = max.executeQuery(
                        "SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + identifier(table))) {
                    m.next();
                    next = m.getLong(1);
                }
                try (Statement alter = connection.createStatement()) {
                    alter.execute("ALTER TABLE " + identifier(table) + " ALTER COLUMN " + column + " RESTART WITH " + next);
                }
            }
        }
    }

    long rowCount(String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + identifier(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Names come from the database's own catalogue or a checked manifest; this refuses anything else. */
    static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a table or sequence name: " + name);
        }
        return name;
    }
}
