package dev.maintenancedesk.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The owners of the API tokens used in the last few seconds, by token hash. Without it every API call began
 * with a transaction of three statements (the token, its last use, its user): more database work than most
 * answers need. An owner is kept {@link #TIME_TO_LIVE}: a token revoked, or a user disabled or given another
 * role, through this instance is forgotten at once; through another instance of a cluster it stops working
 * here within that time. Only tokens that exist are kept, so random tokens cannot fill it.
 */
@Component
class TokenCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    /**
     * A live token's id, the enabled user it belongs to and the token's scope, with the principal and
     * authorities a request made with it carries (built once per token, not on every call).
     */
    record Owner(long tokenId, UserAccount user, TokenScope scope, UserDetails principal,
            List<GrantedAuthority> authorities) {

        Owner(long tokenId, UserAccount user, TokenScope scope) {
            this(tokenId, user, scope, SecurityConfiguration.userDetails(user, "[token]"), authorities(user, scope));
        }

        /** The token acts with its owner's role, capped by its scope (a write token of an admin: a lead). */
        private static List<GrantedAuthority> authorities(UserAccount user, TokenScope scope) {
            List<GrantedAuthority> authorities = new ArrayList<>(SecurityConfiguration.authorities(scope.cap(user.role())));
            authorities.add(scope.authority());
            return List.copyOf(authorities);
        }
    }

    private final Cache<String, Owner> owners;

    @Autowired
    TokenCache() {
        this(Ticker.systemTicker());
    }

    /** With the time source tests move forward themselves. */
    TokenCache(Ticker ticker) {
        owners = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(TIME_TO_LIVE).maximumSize(10_000).build();
    }

    /**
     * The cached owner of the token with this hash, else what {@code lookUp} finds (kept only if found). One
     * lookup per token at a time: when a busy token's owner expires, the requests arriving meanwhile wait for
     * that lookup instead of each running its own (under load, dozens of them queued on the row lock of the
     * token's last-use update, ~30 ms each).
     */
    Optional<Owner> owner(String tokenHash, Supplier<Optional<Owner>> lookUp) {
        return Optional.ofNullable(owners.get(tokenHash, hash -> lookUp.get().orElse(null)));
    }

    void forgetToken(long tokenId) {
        forget(owner -> owner.tokenId() == tokenId);
    }

    void forgetUser(String username) {
        forget(owner -> owner.user().username().equals(username));
    }

    /**
     * Now, and again once the change commits: a request reading the token in between would otherwise keep
     * the old owner for a whole {@link #TIME_TO_LIVE}.
     */
    private void forget(Predicate<Owner> which) {
        owners.asMap().values().removeIf(which);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    owners.asMap().values().removeIf(which);
                }
            });
        }
    }
}
