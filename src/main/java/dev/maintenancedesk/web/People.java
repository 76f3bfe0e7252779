package dev.maintenancedesk.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How pages name people: the display name, the username on hover ({@code fragments/ui :: person}).
 * The team's names are read at once and kept a few seconds, so a list of fifty rows costs no query per
 * row; a name changed in a profile shows everywhere within that time.
 */
@Component("people")
public class People {

    private final LoadingCache<Boolean, Map<String, String>> names;

    People(Users users) {
        this.names = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(1)
                .build(ignored -> {
                    Map<String, String> byUsername = new HashMap<>();
                    for (UserAccount user : users.all()) {
                        String shown = user.displayName() == null || user.displayName().isBlank()
                                ? user.username() : user.displayName();
                        byUsername.put(user.username(), shown);
                    }
                    return byUsername;
                });
    }

    /** The display name of {@code username}; the username itself for an account the desk does not know (e.g. "github"). */
    public String name(String username) {
        if (username == null) {
            return null;
        }
        return names.get(Boolean.TRUE).getOrDefault(username, username);
    }
}
