package dev.maintenancedesk.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Personal API tokens: {@code mdk_} + 32 random bytes in base64url. Only a SHA-256 of the token is
 * stored; a plain hash is enough (no bcrypt) because the token has 256 bits of entropy, and it lets
 * a request be authenticated with one indexed lookup, itself skipped while {@link TokenCache} holds the
 * token's owner. Public so that the web UI's profile page can create, list and revoke the user's own
 * tokens as the API does.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "mdk_";
    private static final int DISPLAY_PREFIX_LENGTH = 8;
    /** Writing last_used_at on every call would turn each API read into a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Users users;
    private final TokenCache cache;
    private final TransactionOperations transactions;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiTokens(JdbcClient jdbc, Users users, TokenCache cache, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.users = users;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** A token as listed: never the secret. */
    public record Token(long id, String name, String prefix, String scope, OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt) {}

    /** A token just created: the only time its secret is known. */
    public record NewToken(long id, String name, String prefix, String scope, OffsetDateTime createdAt,
            String token) {}

    /**
     * A token for the user, with a scope no wider than the credential asking for it (a write token cannot
     * mint an admin one) nor than the user's role. A missing scope is {@code write}.
     *
     * @throws dev.maintenancedesk.problem.InvalidInput when the name or the scope is refused
     */
    @Transactional
    public NewToken create(Authentication caller, String name, String scope) {
        String username = caller.getName();
        UserAccount user = users.find(username).orElseThrow(() -> Users.unknown(username));
        TokenScope granted = new AccountRules().tokenName(name)
                .tokenScope(scope, user.role(), TokenScope.of(caller))
                .checkedScope(scope);
        return create(username, name.strip(), granted);
    }

    /** A generated token of a granted scope (the rules are the caller's to have checked). */
    NewToken create(String username, String name, TokenScope scope) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return store(username, name, scope, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Stores a token chosen by the operator (DESK_ADMIN_TOKEN) rather than generated. */
    @Transactional
    NewToken store(String username, String name, TokenScope scope, String secret) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String prefix = secret.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, secret.length()));
        long userId = jdbc.sql("SELECT id FROM users WHERE username = ?").param(Users.normalize(username))
                .query(Long.class).optional().orElseThrow(() -> Users.unknown(username));
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, name, token_hash, display_prefix, scope, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(userId, name, hash(secret), prefix, scope.value(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new NewToken(id, name, prefix, scope.value(), now, secret);
    }

    @Transactional(readOnly = true)
    public List<Token> list(String username) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.display_prefix, t.scope, t.created_at, t.last_used_at
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE u.username = ? AND t.revoked = FALSE ORDER BY t.id""")
                .param(Users.normalize(username))
                .query((rs, i) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getString("display_prefix"),
                        rs.getString("scope"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the user's own tokens; false when the user has no such live token. */
    @Transactional
    public boolean revoke(String username, long id) {
        boolean revoked = jdbc.sql("""
                UPDATE api_tokens SET revoked = TRUE, revoked_at = ?
                WHERE id = ? AND revoked = FALSE AND user_id = (SELECT id FROM users WHERE username = ?)""")
                .params(OffsetDateTime.now(clock), id, Users.normalize(username)).update() == 1;
        cache.forgetToken(id);
        return revoked;
    }

    /**
     * The enabled user a live token belongs to. Its last use is recorded when the owner is looked up, so
     * {@code last_used_at} lags by up to {@link #LAST_USED_PRECISION} plus {@link TokenCache#TIME_TO_LIVE}.
     */
    Optional<TokenCache.Owner> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret);
        return cache.owner(hash, () -> transactions.execute(status -> lookUp(hash)));
    }

    private Optional<TokenCache.Owner> lookUp(String hash) {
        record Row(long tokenId, String username, TokenScope scope) {}
        Optional<Row> row = jdbc.sql("""
                SELECT t.id, u.username, t.scope FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked = FALSE AND u.enabled = TRUE""")
                .param(hash)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                        TokenScope.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)))).optional();
        row.ifPresent(o -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                    .params(now, o.tokenId(), now.minus(LAST_USED_PRECISION)).update();
        });
        return row.flatMap(o -> users.find(o.username()).map(user -> new TokenCache.Owner(o.tokenId(), user, o.scope())));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
