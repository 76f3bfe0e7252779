package dev.maintenancedesk.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in person looking at a page: their account (read once per request), the time zone every
 * instant is shown in (their profile's, else the plan calendar's) and their language preference.
 */
@Component
public class Viewer {

    private static final String CACHE = Viewer.class.getName() + ".account";

    private final Users users;
    private final ZoneId planZone;

    Viewer(Users users, Plan plan) {
        this.users = users;
        this.planZone = plan.calendar().zone();
    }

    /** The account of the signed-in user; empty before login (or for a test user with no account). */
    @SuppressWarnings("unchecked")
    public Optional<UserAccount> account() {
        Authentication authentication = authentication();
        if (authentication == null) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> cached) {
            return (Optional<UserAccount>) cached;
        }
        Optional<UserAccount> account = users.find(authentication.getName());
        if (request != null) {
            request.setAttribute(CACHE, account, RequestAttributes.SCOPE_REQUEST);
        }
        return account;
    }

    /** Who acts on the tickets: the username and highest role of the current authentication. */
    public Actor actor() {
        Authentication authentication = authentication();
        return authentication == null ? new Actor("anonymous", Role.REPORTER) : Actor.of(authentication);
    }

    public boolean atLeast(Role role) {
        return authentication() != null && actor().atLeast(role);
    }

    /** The zone instants are shown in: the user's profile zone, else the plan calendar's. */
    public ZoneId zone() {
        return account().map(UserAccount::timeZone).flatMap(Viewer::zoneOf).orElse(planZone);
    }

    public ZoneId planZone() {
        return planZone;
    }

    /** The language of the user's profile, if they chose one. */
    public Optional<String> language() {
        return account().map(UserAccount::language).filter(l -> l != null && !l.isBlank());
    }

    private static Optional<ZoneId> zoneOf(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication;
    }
}
