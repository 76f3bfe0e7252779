package dev.maintenancedesk.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What an API token may do, within its owner's role: a leaked CI token that only reads cannot write,
 * and a script that writes tickets cannot administer. A session (the owner in person) has every scope.
 */
public enum TokenScope {
    /** Safe methods only (GET, HEAD, OPTIONS): dashboards, exports, a Prometheus scrape with an admin's token. */
    READ,
    /** Everything a lead may do, if the owner may: tickets, releases, plan work; no administration. */
    WRITE,
    /** Everything the owner's role allows, administration included. */
    ADMIN;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String AUTHORITY_PREFIX = "SCOPE_";

    /** The role a request made with this scope acts with. */
    Role cap(Role role) {
        return this != WRITE || !role.atLeast(Role.ADMIN) ? role : Role.LEAD;
    }

    boolean allows(String method) {
        return this != READ || SAFE_METHODS.contains(method);
    }

    /** The scope it grants to a token carries no more than the role that owns it (an admin scope: an admin). */
    boolean grantableTo(Role role) {
        return this != ADMIN || role.atLeast(Role.ADMIN);
    }

    /** The scopes a user of this role may give their tokens, narrowest first. */
    public static java.util.List<TokenScope> grantable(Role role) {
        return Arrays.stream(values()).filter(s -> s.grantableTo(role)).toList();
    }

    /** As written in the API and the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TokenScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    GrantedAuthority authority() {
        return () -> AUTHORITY_PREFIX + name();
    }

    /** The scope of the current credential: a token's own, every scope for a session. */
    static TokenScope of(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(AUTHORITY_PREFIX))
                .map(a -> valueOf(a.substring(AUTHORITY_PREFIX.length())))
                .findFirst()
                .orElse(ADMIN);
    }
}
