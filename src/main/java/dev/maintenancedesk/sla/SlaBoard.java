package dev.maintenancedesk.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA projection: both clocks of every ticket as {@code sla_clocks} rows ({@link StoredClock}),
 * written with the history entry that changes them, advanced by the watcher when a threshold passes,
 * and read instead of the history. A ticket's rows are only written by a transaction holding the
 * ticket's row lock ({@link #lock}), so writers of one ticket take turns and the last one wins.
 */
@Repository
class SlaBoard {

    private static final String COLUMNS = """
            ticket_number, clock, priority, target, target_minutes, started_at, stopped_at, open_since, paused,
            counted_minutes, segments, state, counting, at_risk, elapsed_minutes, percent_used, deadline, at_risk_at,
            history_at, computed_at""";
    private static final String INSERT = "INSERT INTO sla_clocks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows per INSERT statement: 2,000 parameters, well under any driver's limit (PostgreSQL's is 65,535). */
    static final int ROWS_PER_INSERT = 100;
    private static final int T = Types.TIMESTAMP_WITH_TIMEZONE;
    /** Given, so that a null is sent typed (no parameter metadata round trip per row). */
    private static final int[] INSERT_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
            T, T, T, Types.BOOLEAN, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN, Types.BIGINT,
            Types.INTEGER, T, T, T, T};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SlaBoard(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Holds the ticket's row until the caller's transaction ends (writers of one ticket's clocks take turns). */
    void lock(long number) {
        jdbc.sql("SELECT number FROM tickets WHERE number = ? FOR UPDATE").param(number).query(Long.class).optional();
    }

    /**
     * Locks the tickets' rows in ascending order (as every writer of several tickets' clocks does, so that
     * none waits for another in a cycle) and answers their versions and due instants as they are now.
     */
    Map<Long, Locked> lock(Collection<Long> numbers) {
        Map<Long, Locked> locked = new HashMap<>();
        if (!numbers.isEmpty()) {
            jdbc.sql("SELECT number, version, due_at FROM tickets WHERE number IN (:numbers) ORDER BY number FOR UPDATE")
                    .param("numbers", numbers)
                    .query(rs -> {
                        locked.put(rs.getLong(1), new Locked(rs.getInt(2), instant(rs, "due_at")));
                    });
        }
        return locked;
    }

    /** A ticket's row as locked. */
    record Locked(int version, Instant dueAt) {}

    /**
     * Replaces the tickets' clock rows (two each): one DELETE, then INSERTs of up to {@value #ROWS_PER_INSERT}
     * rows each (a rebuild fixing many tickets sends a few statements, not two a ticket).
     */
    void replace(Map<Long, List<StoredClock>> clocks) {
        if (clocks.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM sla_clocks WHERE ticket_number IN (:numbers)").param("numbers", clocks.keySet()).update();
        insert(clocks);
    }

    /** Stores the clock rows of tickets that have none yet (just opened). */
    void insert(Map<Long, List<StoredClock>> clocks) {
        List<Object[]> rows = new ArrayList<>(clocks.size() * 2);
        clocks.forEach((number, list) -> list.forEach(c -> rows.add(row(number, c))));
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(INSERT);
            for (int i = 1; i < chunk.size(); i++) {
                sql.append(", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            Object[] values = new Object[chunk.size() * INSERT_TYPES.length];
            int[] types = new int[values.length];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(chunk.get(i), 0, values, i * INSERT_TYPES.length, INSERT_TYPES.length);
                System.arraycopy(INSERT_TYPES, 0, types, i * INSERT_TYPES.length, INSERT_TYPES.length);
            }
            template.update(sql.toString(), values, types);
        }
    }


    /** What the watcher stores when a clock passes a threshold: the state now, and the alerts raised. */
    void advance(long number, StoredClock c, String alerted) {
        jdbc.sql("""
                UPDATE sla_clocks SET state = ?, counting = ?, at_risk = ?, elapsed_minutes = ?, percent_used = ?,
                  deadline = ?, at_risk_at = ?, computed_at = ?, alerted = ?
                WHERE ticket_number = ? AND clock = ?""")
                .params(c.state().name(), c.counting(), c.atRisk(), c.elapsedMinutes(), c.percentUsed(), utc(c.deadline()),
                        utc(c.atRiskAt()), utc(c.computedAt()), alerted, number, c.kind().name())
                .update();
    }

    /** The stored clocks of these tickets, indexed by {@link ClockKind#ordinal()} (a missing one is null). */
    Map<Long, StoredClock[]> rows(Collection<Long> numbers) {
        Map<Long, StoredClock[]> rows = new HashMap<>();
        if (!numbers.isEmpty()) {
            jdbc.sql("SELECT * FROM sla_clocks WHERE ticket_number IN (:numbers)").param("numbers", numbers)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> collect(rs, rows));
        }
        return rows;
    }

    /** The same for the tickets numbered {@code first} to {@code last} (a rebuild's batch: one range scan). */
    Map<Long, StoredClock[]> rows(long first, long last) {
        Map<Long, StoredClock[]> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM sla_clocks WHERE ticket_number >= ? AND ticket_number <= ?").params(first, last)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> collect(rs, rows));
        return rows;
    }

    private static void collect(ResultSet rs, Map<Long, StoredClock[]> rows) throws SQLException {
        StoredClock c = clock(rs);
        rows.computeIfAbsent(rs.getLong("ticket_number"), n -> new StoredClock[2])[c.kind().ordinal()] = c;
    }

    /** Both stored clocks of each ticket that has them, with the ticket's team (whose calendar they run on). */
    Map<Long, Stored> read(Collection<Long> numbers) {
        Map<Long, Stored> stored = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return stored;
        }
        Map<Long, StoredClock[]> pairs = new HashMap<>();
        Map<Long, String> teams = new HashMap<>();
        jdbc.sql("SELECT c.*, t.team FROM sla_clocks c JOIN tickets t ON t.number = c.ticket_number"
                        + " WHERE c.ticket_number IN (:numbers)")
                .param("numbers", numbers)
                .query(rs -> {
                    long number = rs.getLong("ticket_number");
                    StoredClock c = clock(rs);
                    pairs.computeIfAbsent(number, n -> new StoredClock[2])[c.kind().ordinal()] = c;
                    teams.put(number, rs.getString("team"));
                });
        for (Long number : numbers) {
            StoredClock[] pair = pairs.get(number);
            if (pair != null && pair[0] != null && pair[1] != null) {
                stored.put(number, new Stored(number, teams.get(number), pair[0], pair[1]));
            }
        }
        return stored;
    }

    /** A ticket's two stored clocks and its team. */
    record Stored(long number, String team, StoredClock takeCharge, StoredClock resolution) {}

    /**
     * Tickets with a counting clock whose alerts lag behind: past the at-risk instant while running, or
     * past the deadline (running, or breached before a pause), and not alerted for it yet.
     */
    List<Long> due(Instant now) {
        return jdbc.sql("""
                SELECT DISTINCT ticket_number FROM sla_clocks
                WHERE counting AND (
                  (alerted IS NULL AND open_since IS NOT NULL AND at_risk_at <= :now)
                  OR ((alerted IS NULL OR alerted <> 'BREACHED') AND deadline <= :now
                      AND (open_since IS NOT NULL OR state = 'BREACHED')))
                ORDER BY ticket_number""")
                .param("now", utc(now))
                .query(Long.class)
                .list();
    }

    /**
     * Tickets whose clocks are in this status now: at risk (past the threshold, not breached: running
     * before its deadline, or paused) or breached (so stored, or running past its deadline).
     */
    List<Sla.TicketClocks> inStatus(SlaStatus status, Instant now, int limit) {
        String condition = status == SlaStatus.BREACHED
                ? "(c.state = 'BREACHED' OR (c.counting AND c.open_since IS NOT NULL AND c.deadline <= :now))"
                : "(c.counting AND c.at_risk_at <= :now AND c.state <> 'BREACHED'"
                        + " AND (c.paused OR (c.open_since IS NOT NULL AND c.deadline > :now)))";
        return jdbc.sql("SELECT c.ticket_number, t.title, t.assignee FROM sla_clocks c JOIN tickets t ON t.number = c.ticket_number"
                        + " WHERE " + condition + " GROUP BY c.ticket_number, t.title, t.assignee"
                        + " ORDER BY MIN(c.deadline), c.ticket_number LIMIT :limit")
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, i) -> new Sla.TicketClocks(rs.getLong(1), rs.getString(2), rs.getString(3), null))
                .list();
    }

    /** Records an alert; false when it was raised already (by this or another instance). */
    boolean raise(long ticket, ClockKind clock, String kind, Instant due, Instant now) {
        OffsetDateTime deadline = utc(due);
        int inserted = jdbc.sql("""
                INSERT INTO sla_alerts (ticket_number, clock, kind, deadline, raised_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sla_alerts
                  WHERE ticket_number = ? AND clock = ? AND kind = ? AND deadline = ?)""")
                .params(ticket, clock.name(), kind, deadline, utc(now), ticket, clock.name(), kind, deadline)
                .update();
        return inserted == 1;
    }

    /** A row of {@code sla_clocks} as a {@link StoredClock} (any query selecting its columns). */
    static StoredClock clock(ResultSet rs) throws SQLException {
        long targetMinutes = rs.getLong("target_minutes");
        Long target = rs.wasNull() ? null : targetMinutes;
        int percent = rs.getInt("percent_used");
        Integer percentUsed = rs.wasNull() ? null : percent;
        return new StoredClock(ClockKind.valueOf(rs.getString("clock")), rs.getString("priority"), rs.getString("target"),
                target, instant(rs, "started_at"), instant(rs, "stopped_at"), instant(rs, "open_since"),
                rs.getBoolean("paused"), rs.getLong("counted_minutes"), rs.getInt("segments"),
                ClockState.valueOf(rs.getString("state")), rs.getBoolean("counting"), rs.getBoolean("at_risk"),
                rs.getLong("elapsed_minutes"), percentUsed, instant(rs, "deadline"), instant(rs, "at_risk_at"),
                instant(rs, "history_at"), instant(rs, "computed_at"));
    }

    private static Object[] row(long number, StoredClock c) {
        return new Object[] {number, c.kind().name(), c.priority(), c.target(), c.targetMinutes(), utc(c.startedAt()),
                utc(c.stoppedAt()), utc(c.openSince()), c.paused(), c.countedMinutes(), c.segments(), c.state().name(),
                c.counting(), c.atRisk(), c.elapsedMinutes(), c.percentUsed(), utc(c.deadline()), utc(c.atRiskAt()),
                utc(c.historyAt()), utc(c.computedAt())};
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
