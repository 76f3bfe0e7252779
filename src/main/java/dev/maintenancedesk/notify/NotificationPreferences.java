package dev.maintenancedesk.notify;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's choice of personal notifications ({@code notification_preferences}); a kind without a row is on. */
@Service
@Transactional
public class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind with whether {@code username} receives it, in the enum's order. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Boolean> of(String username) {
        Map<NotificationKind, Boolean> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, true);
        }
        jdbc.sql("SELECT kind, enabled FROM notification_preferences WHERE username = ?").param(username)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list()
                .forEach(e -> {
                    for (NotificationKind kind : NotificationKind.values()) {
                        if (kind.name().equals(e.getKey())) {
                            all.put(kind, e.getValue());
                        }
                    }
                });
        return all;
    }

    @Transactional(readOnly = true)
    public boolean wants(String username, NotificationKind kind) {
        return of(username).get(kind);
    }

    /** Sets every kind at once: those in {@code on} are on, the others off. */
    public void set(String username, Set<NotificationKind> on) {
        jdbc.sql("DELETE FROM notification_preferences WHERE username = ?").param(username).update();
        for (NotificationKind kind : NotificationKind.values()) {
            jdbc.sql("INSERT INTO notification_preferences (username, kind, enabled) VALUES (?, ?, ?)")
                    .params(username, kind.name(), on.contains(kind)).update();
        }
    }
}
