package dev.maintenancedesk.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Cache;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How pages name people: the display name, the username on hover ({@code fragments/ui :: person}).
 * Names are kept a few seconds, so a list of fifty rows costs no query per row; a name the cache does not
 * hold yet (a user created a moment ago) reloads the team's names at once, and a name changed in a profile
 * shows everywhere within those seconds.
 */
@Component("people")
public class People {

    private final Users users;
    private final Cache<String, String> names = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000).build();

    People(Users users) {
        this.users = users;
    }

    /** The display name of {@code username}; the username itself for an account the desk does not know (e.g. "github"). */
    public String name(String username) {
        if (username == null) {
            return null;
        }
        String known = names.getIfPresent(username);
        if (known != null) {
            return known;
        }
        Map<String, String> all = new HashMap<>();
        for (UserAccount user : users.all()) {
            all.put(user.username(), user.displayName() == null || user.displayName().isBlank()
                    ? user.username() : user.displayName());
        }
        all.putIfAbsent(username, username);
        names.putAll(all);
        return all.get(username);
    }
}
