package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.maintenancedesk.DeskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The token owners cached for a few seconds (TokenCache), on a time source the test moves itself: a token
 * revoked elsewhere (another instance of a cluster, here straight in the database) stops working once the
 * cached owner expires; revoked through this instance it stops at once. Revocation, role changes and
 * disabling through the API are checked over HTTP by TokenLifecycleTest and UserAdministrationTest.
 */
@DeskTest
class TokenCacheTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    TransactionOperations transactions;

    final AtomicLong nanos = new AtomicLong();
    final Ticker ticker = nanos::get;
    ApiTokens tokens;

    @BeforeEach
    void tokensWithTheirOwnCache() {
        tokens = new ApiTokens(jdbc, users, new TokenCache(ticker), transactions);
    }

    @Test
    void aTokenRevokedByAnotherInstanceStopsWorkingWhenItsOwnerExpires() {
        ApiTokens.NewToken token = tokens.create("admin", "cached", TokenScope.WRITE);
        assertThat(tokens.authenticate(token.token())).map(o -> o.user().username()).hasValue("admin");

        jdbc.sql("UPDATE api_tokens SET revoked = TRUE WHERE id = ?").param(token.id()).update();
        advance(TokenCache.TIME_TO_LIVE.minusMillis(1));
        assertThat(tokens.authenticate(token.token())).as("still cached: no lookup within the time to live")
                .isPresent();

        advance(Duration.ofMillis(1));
        assertThat(tokens.authenticate(token.token())).isEmpty();
    }

    @Test
    void aTokenRevokedThroughThisInstanceStopsWorkingAtOnce() {
        ApiTokens.NewToken token = tokens.create("admin", "revoked here", TokenScope.WRITE);
        assertThat(tokens.authenticate(token.token())).isPresent();

        assertThat(tokens.revoke("admin", token.id())).isTrue();

        assertThat(tokens.authenticate(token.token())).isEmpty();
    }

    @Test
    void anUnknownTokenIsNotRemembered() {
        String secret = ApiTokens.PREFIX + "not_yet_stored_0123456789abcdefghijklmnop";
        assertThat(tokens.authenticate(secret)).isEmpty();

        tokens.store("admin", "stored later", TokenScope.WRITE, secret);

        assertThat(tokens.authenticate(secret)).as("a miss is looked up again, not cached").isPresent();
    }

    @Test
    void theLastUseIsRecordedWhenTheOwnerIsLookedUp() {
        ApiTokens.NewToken token = tokens.create("admin", "last use", TokenScope.WRITE);
        assertThat(used(token)).isFalse();

        tokens.authenticate(token.token());

        assertThat(used(token)).isTrue();
    }

    @Test
    void requestsArrivingDuringALookupWaitForItInsteadOfLookingUpAgain() throws Exception {
        TokenCache cache = new TokenCache(ticker);
        AtomicLong lookUps = new AtomicLong();
        CountDownLatch release = new CountDownLatch(1);
        TokenCache.Owner owner = new TokenCache.Owner(1, users.find("admin").orElseThrow(), TokenScope.WRITE);
        Supplier<Optional<TokenCache.Owner>> lookUp = () -> {
            lookUps.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(owner);
        };
        List<Optional<TokenCache.Owner>> answers = new CopyOnWriteArrayList<>();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            requests.add(Thread.ofPlatform().start(() -> answers.add(cache.owner("hash", lookUp))));
        }
        // every request is parked: in the one lookup, or waiting for it (else each in a lookup of its own)
        while (requests.stream().anyMatch(t -> t.getState() != Thread.State.WAITING
                && t.getState() != Thread.State.BLOCKED)) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread request : requests) {
            request.join();
        }
        assertThat(answers).hasSize(21).containsOnly(Optional.of(owner));
        assertThat(lookUps).hasValue(1);
    }

    private boolean used(ApiTokens.NewToken token) {
        return jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_tokens WHERE id = ?").param(token.id())
                .query(Boolean.class).single();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
