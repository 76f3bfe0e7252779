package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing down without ever locking anybody out. Every password attempt (the login form, a
 * change of one's own password) is counted as a failure <em>before</em> the password is compared, under two
 * keys: the pair (username, client address) and the client address alone (unknown usernames included); a
 * right password takes its count back. Past a number of free failures each key must wait before its next
 * attempt, 1 s, then 2, 4, … up to {@code max-delay}; failures older than an hour are forgotten. A third party
 * guessing from elsewhere slows only their own address, never the owner's logins from theirs.
 */
@Component
class GuessingBrake {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int pairFree;
    private final int addressFree;
    private final Duration firstDelay;
    private final Duration maxDelay;

    GuessingBrake(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${desk.security.pair-free-failures:5}") int pairFree,
            @Value("${desk.security.address-free-failures:20}") int addressFree,
            @Value("${desk.security.first-delay:PT1S}") Duration firstDelay,
            @Value("${desk.security.max-delay:PT15M}") Duration maxDelay) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.pairFree = pairFree;
        this.addressFree = addressFree;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Claims one attempt for this username from this address, counted as a failure until {@link #succeeded}:
     * refused with {@link TooManyAttempts} (429, with when to retry) while either key must wait. Atomic per
     * key, so that parallel guesses cannot slip past the count.
     */
    void attempt(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> wait = transactions.execute(status -> {
            Optional<Instant> pair = claim(pairKey(username, address), pairFree, now);
            Optional<Instant> addr = claim(addressKey(address), addressFree, now);
            if (pair.isPresent() || addr.isPresent()) {
                status.setRollbackOnly();
                return pair.map(p -> addr.filter(a -> a.isAfter(p)).orElse(p)).or(() -> addr);
            }
            return Optional.<Instant>empty();
        });
        if (wait != null && wait.isPresent()) {
            throw paused(wait.get(), now);
        }
    }

    /** The right password: the pair's failures are forgotten and this attempt no longer counts for the address. */
    void succeeded(String username, String address) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(pairKey(username, address)).update();
            jdbc.sql("UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0")
                    .param(addressKey(address)).update();
        });
    }

    /** Until when this username may not try from this address, if it must wait now. */
    Optional<Instant> waitUntil(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT next_attempt_at FROM login_throttle WHERE throttle_key IN (?, ?)")
                .params(pairKey(username, address), addressKey(address))
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list().stream()
                .filter(at -> at.isAfter(now)).max(Instant::compareTo);
    }

    /** Empty when the attempt is allowed (and counted); else until when the key must wait. */
    private Optional<Instant> claim(String key, int free, Instant now) {
        for (int tries = 0; tries < 2; tries++) {
            List<Row> rows = jdbc.sql("SELECT failures, last_failure_at, next_attempt_at FROM login_throttle "
                    + "WHERE throttle_key = ? FOR UPDATE").param(key)
                    .query((rs, i) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant())).list();
            if (rows.isEmpty()) {
                // ON CONFLICT rather than a caught duplicate key: PostgreSQL aborts a transaction on an error
                int inserted = jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, "
                        + "next_attempt_at) VALUES (?, 1, ?, ?) ON CONFLICT DO NOTHING")
                        .params(key, utc(now), utc(nextAttempt(now, delay(1, free)))).update();
                if (inserted == 1) {
                    return Optional.empty();
                }
                continue; // another attempt inserted it first: count on its row
            }
            Row row = rows.getFirst();
            if (row.nextAttemptAt().isAfter(now)) {
                return Optional.of(row.nextAttemptAt());
            }
            int failures = row.lastFailureAt().isBefore(now.minus(WINDOW)) ? 1 : row.failures() + 1;
            jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, next_attempt_at = ? "
                    + "WHERE throttle_key = ?").params(failures, utc(now), utc(nextAttempt(now, delay(failures, free))), key)
                    .update();
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** While failures are free there is no wait at all (not "until now": another instance's clock may lag). */
    private static Instant nextAttempt(Instant now, Duration delay) {
        return delay.isZero() ? Instant.EPOCH : now.plus(delay);
    }

    /** No wait for the first {@code free} failures, then the first delay (1 s), doubled at each failure up to the maximum. */
    Duration delay(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    static TooManyAttempts paused(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return new TooManyAttempts("password-attempts-paused", "Too many wrong passwords: try again in "
                + seconds + " second(s).", until.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), seconds);
    }

    /** The username as typed may be anything (megabytes, a NUL): the key holds its digest. */
    private static String pairKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "pair:" + java.util.HexFormat.of().formatHex(digest) + "|" + address;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(int failures, Instant lastFailureAt, Instant nextAttemptAt) {}
}
