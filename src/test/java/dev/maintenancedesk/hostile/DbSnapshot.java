package dev.maintenancedesk.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of the tables a request of the API or of a form may write (db/migration V2–V7): per
 * table, its row count and an order-independent sum of row hashes. Columns written in the background
 * (the SLA module's {@code tickets.due_at}, token use and login counters) are left out, and so are the
 * tables only background work writes (sla_clocks, sla_alerts, notifications, sessions, event publications).
 */
record DbSnapshot(Map<String, String> tables, long maxTicketNumber, long ticketSequence) {

    /** Table and the columns left out of its fingerprint. */
    static final Map<String, List<String>> TABLES = watched();

    private static Map<String, List<String>> watched() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("tickets", List.of("due_at"));
        t.put("ticket_events", List.of());
        t.put("ticket_comments", List.of());
        t.put("ticket_links", List.of());
        t.put("ticket_labels", List.of());
        t.put("postmortems", List.of());
        t.put("postmortem_sections", List.of());
        t.put("users", List.of());
        t.put("api_tokens", List.of("last_used_at"));
        t.put("deprecations", List.of());
        return t;
    }

    private static final String SQL = sql();

    private static String sql() {
        StringBuilder sql = new StringBuilder();
        for (var e : TABLES.entrySet()) {
            String row = "to_jsonb(t)" + e.getValue().stream().map(c -> " - '" + c + "'").reduce("", String::concat);
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT '").append(e.getKey()).append("', count(*) || ':' || coalesce(sum(hashtextextended((")
                    .append(row).append(")::text, 7)), 0) FROM ").append(e.getKey()).append(" t");
        }
        sql.append(" UNION ALL SELECT '#max', coalesce(max(number), 0)::text FROM tickets");
        // The number sequence of V3, if the product still has it (-1 otherwise).
        sql.append(" UNION ALL SELECT '#seq', coalesce(pg_sequence_last_value(to_regclass('ticket_number_seq')), -1)::text");
        return sql.toString();
    }

    static DbSnapshot take(JdbcClient jdbc) {
        Map<String, String> tables = new LinkedHashMap<>();
        jdbc.sql(SQL).query(rs -> {
            tables.put(rs.getString(1), rs.getString(2));
        });
        long max = Long.parseLong(tables.remove("#max"));
        long seq = Long.parseLong(tables.remove("#seq"));
        return new DbSnapshot(tables, max, seq);
    }

    /** The tables whose content differs from {@code before}'s. */
    TreeSet<String> changedSince(DbSnapshot before) {
        TreeSet<String> changed = new TreeSet<>();
        tables.forEach((table, print) -> {
            if (!print.equals(before.tables.get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }
}
