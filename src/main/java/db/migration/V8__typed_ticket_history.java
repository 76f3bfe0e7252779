package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The ticket history becomes typed: field names are stored as the tickets module's {@code TicketField}
 * constants rather than Java property names, and link changes as JSON objects
 * ({@code {"kind":"PULL_REQUEST","target":"…","merged":true}}) rather than "KIND target (merged)" text.
 * In Java because the link text must be parsed, the same way on PostgreSQL and H2.
 */
public class V8__typed_ticket_history extends BaseJavaMigration {

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", "TITLE");
        FIELDS.put("description", "DESCRIPTION");
        FIELDS.put("type", "TYPE");
        FIELDS.put("priority", "PRIORITY");
        FIELDS.put("labels", "LABELS");
        FIELDS.put("assignee", "ASSIGNEE");
        FIELDS.put("team", "TEAM");
        FIELDS.put("component", "COMPONENT");
        FIELDS.put("testEvidence", "TEST_EVIDENCE");
        FIELDS.put("releaseNote", "RELEASE_NOTE");
        FIELDS.put("apiImpact", "API_IMPACT");
        FIELDS.put("docsUpdated", "DOCS_UPDATED");
        FIELDS.put("changelogUpdated", "CHANGELOG_UPDATED");
        FIELDS.put("state", "STATE");
        FIELDS.put("links", "LINKS");
        FIELDS.put("comment", "COMMENT");
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery(
                        "SELECT id, before_value, after_value FROM ticket_events WHERE field = 'links'");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE ticket_events SET before_value = ?, after_value = ? WHERE id = ?")) {
            while (rs.next()) {
                update.setString(1, json(rs.getString(2)));
                update.setString(2, json(rs.getString(3)));
                update.setLong(3, rs.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement rename = connection.prepareStatement(
                "UPDATE ticket_events SET field = ? WHERE field = ?")) {
            for (Map.Entry<String, String> e : FIELDS.entrySet()) {
                rename.setString(1, e.getValue());
                rename.setString(2, e.getKey());
                rename.addBatch();
            }
            rename.executeBatch();
        }
    }

    /** "PULL_REQUEST https://… (merged)" → {"kind":"PULL_REQUEST","target":"https://…","merged":true}. */
    static String json(String text) {
        if (text == null) {
            return null;
        }
        int space = text.indexOf(' ');
        String kind = space < 0 ? text : text.substring(0, space);
        String target = space < 0 ? "" : text.substring(space + 1);
        boolean merged = target.endsWith(" (merged)");
        if (merged) {
            target = target.substring(0, target.length() - " (merged)".length());
        }
        return "{\"kind\":\"" + escape(kind) + "\",\"target\":\"" + escape(target) + "\",\"merged\":" + merged + "}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
