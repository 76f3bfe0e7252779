package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.maintenancedesk.DeskTest;
import java.time.Duration;
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

    private boolean used(ApiTokens.NewToken token) {
        return jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_tokens WHERE id = ?").param(token.id())
                .query(Boolean.class).single();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
