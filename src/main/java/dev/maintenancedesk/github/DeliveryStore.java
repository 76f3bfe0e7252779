package dev.maintenancedesk.github;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code github_deliveries} table: insert-if-absent on the delivery id, claims, outcomes. */
@Repository
class DeliveryStore {

    static final int ERROR_MAX = 1000;

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a delivery unless one with this id is stored already; says whether it was new. */
    boolean insert(String id, String event, String action, String payload, Instant now) {
        return jdbc.sql("""
                INSERT INTO github_deliveries (id, event, action, payload, status, attempts, received_at, next_attempt_at)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, event, action, payload, utc(now), utc(now)).update() == 1;
    }

    /** Ids of pending deliveries due now, oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM github_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?
                AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY received_at, id LIMIT ?""")
                .params(utc(now), utc(now), limit).query(String.class).list();
    }

    /**
     * Claims a due delivery for one attempt until {@code until}: one conditional update, so that of
     * several instances (or threads) exactly one gets it; an instance that dies leaves it to the next
     * after the claim expires.
     */
    boolean claim(String id, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE github_deliveries SET claimed_until = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?
                AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(utc(until), id, utc(now), utc(now)).update() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries at once (one statement, one commit), oldest first; a
     * concurrent claimer waits on the rows this one updates and then finds them claimed.
     */
    List<String> claimDue(Instant now, Instant until, int limit, String token) {
        jdbc.sql("""
                UPDATE github_deliveries SET claimed_until = ?, claimed_by = ?, attempts = attempts + 1
                WHERE id IN (SELECT id FROM github_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?
                    AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY received_at, id LIMIT ?)
                AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(utc(until), token, utc(now), utc(now), limit, utc(now)).update();
        return jdbc.sql("SELECT id FROM github_deliveries WHERE claimed_by = ? AND status = 'PENDING' ORDER BY received_at, id")
                .param(token).query(String.class).list();
    }

    /** What the worker needs of a claimed delivery. */
    record Claimed(String id, String event, String payload, int attempts) {}

    Optional<Claimed> claimed(String id) {
        return jdbc.sql("SELECT id, event, payload, attempts FROM github_deliveries WHERE id = ?").param(id)
                .query((rs, i) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional();
    }

    Optional<String> payload(String id) {
        return jdbc.sql("SELECT payload FROM github_deliveries WHERE id = ?").param(id).query(String.class).optional();
    }

    void finish(String id, Delivery.Status status, String note, Instant now) {
        jdbc.sql("UPDATE github_deliveries SET status = ?, error = ?, claimed_until = NULL, claimed_by = NULL, processed_at = ? WHERE id = ?")
                .params(status.name(), cut(note), utc(now), id).update();
    }

    /** A failed attempt: due again at {@code next}, or FAILED when {@code next} is null. */
    void failed(String id, String error, Instant next, Instant now) {
        if (next == null) {
            jdbc.sql("UPDATE github_deliveries SET status = 'FAILED', error = ?, claimed_until = NULL, processed_at = ? WHERE id = ?")
                    .params(cut(error), utc(now), id).update();
        } else {
            jdbc.sql("UPDATE github_deliveries SET error = ?, claimed_until = NULL, claimed_by = NULL, next_attempt_at = ? WHERE id = ?")
                    .params(cut(error), utc(next), id).update();
        }
    }

    /** Puts a stored delivery back in the queue for a fresh set of attempts; false if unknown. */
    boolean requeue(String id, Instant now) {
        return jdbc.sql("""
                UPDATE github_deliveries SET status = 'PENDING', attempts = 0, error = NULL, claimed_until = NULL,
                next_attempt_at = ?, processed_at = NULL WHERE id = ?""").params(utc(now), id).update() == 1;
    }

    Optional<Delivery> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(DeliveryStore::delivery).optional();
    }

    /** The latest deliveries, newest first, optionally of one status. */
    List<Delivery> latest(Delivery.Status status, int limit) {
        if (status == null) {
            return jdbc.sql(SELECT + " ORDER BY received_at DESC, id LIMIT ?").param(limit)
                    .query(DeliveryStore::delivery).list();
        }
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY received_at DESC, id LIMIT ?").params(status.name(), limit)
                .query(DeliveryStore::delivery).list();
    }

    long count(Delivery.Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM github_deliveries WHERE status = ?").param(status.name())
                .query(Long.class).single();
    }

    private static final String SELECT =
            "SELECT id, event, action, status, attempts, error, received_at, processed_at FROM github_deliveries";

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getString("id"), rs.getString("event"), rs.getString("action"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("error"),
                instant(rs, "received_at"), instant(rs, "processed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s) {
        return s == null || s.length() <= ERROR_MAX ? s : s.substring(0, ERROR_MAX - 1) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
