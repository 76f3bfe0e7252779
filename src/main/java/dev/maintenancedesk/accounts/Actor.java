package dev.maintenancedesk.accounts;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is acting: the username and the highest role granted to the current authentication. */
public record Actor(String username, Role role, boolean automation) {

    /** A person (signed in, or through their API token). */
    public Actor(String username, Role role) {
        this(username, role, false);
    }

    public static Actor of(Authentication authentication) {
        Role highest = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a -> Arrays.stream(Role.values()).filter(r -> a.equals("ROLE_" + r.name())))
                .max(Enum::compareTo)
                .orElse(Role.REPORTER);
        return new Actor(authentication.getName(), highest);
    }

    /**
     * The desk acting on its own ({@code "desk"}: preventive calendar, technology watch) or for an
     * integration ({@code "github"}): a lead's rights, and a name the history shows as the author.
     */
    public static Actor automation(String name) {
        return new Actor(name, Role.LEAD, true);
    }

    public boolean atLeast(Role other) {
        return role.atLeast(other);
    }
}
