package dev.maintenancedesk.github;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * The {@code github_outbox} table. {@link #enqueue} joins the caller's transaction: the call is queued
 * if and only if the change that causes it commits. Kinds: {@code request} (sent as is),
 * {@code comment} (a POST whose body carries a marker, looked for before a retry), {@code release}
 * (create or update the release of a tag).
 */
@Repository
class GitHubOutbox {

    static final int ERROR_MAX = 1000;

    record Entry(long id, String key, String kind, String method, String path, String body, String status,
            int attempts, String error, Integer responseStatus) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Runnable onCommit = () -> { };

    GitHubOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a call unless one with this key is queued already; says whether it was new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String key, String kind, String method, String path, JsonNode body) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                INSERT INTO github_outbox (dedup_key, kind, method, path, body, status, attempts, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key, kind, method, path, body == null ? null : Payloads.JSON.writeValueAsString(body), now, now)
                .update() == 1 && woken();
    }

    /** What to run once a transaction that queued calls has committed (the dispatcher's wake-up). */
    void onCommit(Runnable action) {
        this.onCommit = action;
    }

    private boolean woken() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onCommit.run();
                }
            });
        }
        return true;
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM github_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?
                AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ?""")
                .params(utc(now), utc(now), limit).query(Long.class).list();
    }

    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE github_outbox SET claimed_until = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(utc(until), id, utc(now), utc(now)).update() == 1;
    }

    Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(GitHubOutbox::entry).optional();
    }

    Optional<Entry> byKey(String key) {
        return jdbc.sql(SELECT + " WHERE dedup_key = ?").param(key).query(GitHubOutbox::entry).optional();
    }

    List<Entry> all() {
        return jdbc.sql(SELECT + " ORDER BY id").query(GitHubOutbox::entry).list();
    }

    void sent(long id, int status) {
        jdbc.sql("UPDATE github_outbox SET status = 'SENT', response_status = ?, error = NULL, claimed_until = NULL, sent_at = ? WHERE id = ?")
                .params(status, utc(clock.instant()), id).update();
    }

    /** Due again at {@code next}, or FAILED when null. */
    void failed(long id, Integer status, String error, Instant next) {
        String e = error == null ? null : error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
        if (next == null) {
            jdbc.sql("UPDATE github_outbox SET status = 'FAILED', response_status = ?, error = ?, claimed_until = NULL WHERE id = ?")
                    .params(status, e, id).update();
        } else {
            jdbc.sql("UPDATE github_outbox SET response_status = ?, error = ?, claimed_until = NULL, next_attempt_at = ? WHERE id = ?")
                    .params(status, e, utc(next), id).update();
        }
    }

    private static final String SELECT = """
            SELECT id, dedup_key, kind, method, path, body, status, attempts, error, response_status FROM github_outbox""";

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), (Integer) rs.getObject(10, Integer.class));
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
