package dev.maintenancedesk.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.lang.reflect.RecordComponent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tickets, their labels, links, history and comments in SQL that runs on PostgreSQL and H2 alike. */
@Repository
class TicketRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    TicketRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Ticket columns, read from and written to the aggregate's {@link Ticket.Row}: one mapping for every field. */
    private static final List<String> COLUMNS = Arrays.stream(Ticket.Row.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    /**
     * A ticket's row by its column names. Spring's DataClassRowMapper looked each two-word field up by its
     * Java name first and caught the driver's exception before trying the column's: nine exceptions, each with
     * its stack trace, on every ticket read (all but one of the 8,490 exceptions of a 30 s load run).
     */
    private static final RowMapper<Ticket.Row> ROWS = (rs, i) -> new Ticket.Row(rs.getLong("number"),
            rs.getString("title"), rs.getString("description"), enumOf(TicketType.class, rs.getString("type")),
            enumOf(Priority.class, rs.getString("priority")), TicketState.valueOf(rs.getString("state")),
            enumOf(TicketState.class, rs.getString("waiting_from")), rs.getString("reporter"),
            rs.getString("assignee"), rs.getString("team"), rs.getString("component"), rs.getString("template"),
            rs.getString("test_evidence"), rs.getString("release_note"), rs.getBoolean("api_impact"),
            rs.getBoolean("docs_updated"), rs.getBoolean("changelog_updated"), rs.getString("validated_by"),
            rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));
    private static final String INSERT = "INSERT INTO tickets (" + COLUMNS.stream().map(TicketRepository::column)
            .collect(Collectors.joining(", ")) + ", labels) VALUES (" + COLUMNS.stream().map(c -> ":" + c)
            .collect(Collectors.joining(", ")) + ", :labels)";
    /** The number and the creation never change; the version is the optimistic lock. */
    private static final String UPDATE = "UPDATE tickets SET " + COLUMNS.stream()
            .filter(c -> !Set.of("number", "version", "reporter", "template", "createdAt").contains(c))
            .map(c -> column(c) + " = :" + c).collect(Collectors.joining(", "))
            + ", labels = :labels, version = version + 1 WHERE number = :number AND version = :version";

    long nextNumber() {
        return jdbc.sql("SELECT nextval('ticket_number_seq')").query(Long.class).single();
    }

    boolean exists(long number) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE number = ?").param(number).query(Long.class).single() > 0;
    }

    void insert(Ticket t) {
        jdbc.sql(INSERT).params(parameters(t)).update();
        writeLabels(t);
        writeLinks(t);
    }

    /** Writes the ticket if nobody changed it since it was read; false when the version was stale. */
    boolean update(Ticket t) {
        int rows = jdbc.sql(UPDATE).params(parameters(t)).update();
        if (rows == 0) {
            return false;
        }
        // most writes (a move, an edit of other fields) leave them as they were: three statements fewer
        if (t.labelsChanged()) {
            jdbc.sql("DELETE FROM ticket_labels WHERE ticket_number = ?").param(t.number()).update();
            writeLabels(t);
        }
        if (t.linksChanged()) {
            jdbc.sql("DELETE FROM ticket_links WHERE ticket_number = ?").param(t.number()).update();
            writeLinks(t);
        }
        return true;
    }

    /**
     * A ticket with its labels and links in one statement (three cost two more round trips and parses on
     * every read and write): the labels are an array column of the ticket's row, the links come as three
     * arrays in their order.
     */
    private static final String FIND = "SELECT t.*, (SELECT ARRAY_AGG(k.kind ORDER BY k.ordinal)"
            + " FROM ticket_links k WHERE k.ticket_number = t.number) AS link_kinds, (SELECT ARRAY_AGG(k.target"
            + " ORDER BY k.ordinal) FROM ticket_links k WHERE k.ticket_number = t.number) AS link_targets,"
            + " (SELECT ARRAY_AGG(k.merged ORDER BY k.ordinal) FROM ticket_links k WHERE k.ticket_number = t.number)"
            + " AS link_merged FROM tickets t WHERE t.number = ?";

    Optional<Ticket> find(long number) {
        return jdbc.sql(FIND).param(number).query((rs, i) -> new Ticket(ROWS.mapRow(rs, i),
                new TreeSet<>(strings(rs.getArray("labels"))), links(rs))).optional();
    }

    private static List<TicketLink> links(ResultSet rs) throws SQLException {
        List<String> kinds = values(rs.getArray("link_kinds"), String.class);
        List<String> targets = values(rs.getArray("link_targets"), String.class);
        List<Boolean> merged = values(rs.getArray("link_merged"), Boolean.class);
        List<TicketLink> links = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            links.add(new TicketLink(LinkKind.valueOf(kinds.get(i)), targets.get(i), merged.get(i)));
        }
        return links;
    }

    int currentVersion(long number) {
        return jdbc.sql("SELECT version FROM tickets WHERE number = ?").param(number).query(Integer.class).single();
    }

    /**
     * The columns of a list row, its labels included (the row's own array: a sub-select of each row's labels was
     * half of the statement's cost): a page is one statement that reads the page's rows and nothing else.
     */
    private static final String SUMMARY = "SELECT number, title, type, priority, state, reporter, assignee, created_at, "
            + "due_at, waiting_from, version, labels FROM tickets t WHERE 1 = 1"; // read by position (query)

    /** Keyset page, newest first: indexes on (column, number) keep it fast at any depth. */
    List<TicketSummary> list(TicketFilter f, Long after, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY);
        Map<String, Object> params = new HashMap<>();
        if (after != null) {
            sql.append(" AND number < :after");
            params.put("after", after);
        }
        return query(sql, params, f, " ORDER BY number DESC LIMIT :limit", limit);
    }

    /**
     * Keyset page, most urgent first: due_at ascending with nothing-due last, then newest first.
     * {@code after} is the (due_at, number) of the previous page's last row; a null due_at marks the
     * nothing-due tail.
     */
    List<TicketSummary> listByDue(TicketFilter f, DueCursor after, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY);
        Map<String, Object> params = new HashMap<>();
        if (after != null && after.due() != null) {
            sql.append(" AND (due_at > :afterDue OR (due_at = :afterDue AND number < :afterNumber) OR due_at IS NULL)");
            params.put("afterDue", timestamp(after.due()));
            params.put("afterNumber", after.number());
        } else if (after != null) {
            sql.append(" AND due_at IS NULL AND number < :afterNumber");
            params.put("afterNumber", after.number());
        }
        return query(sql, params, f, " ORDER BY due_at ASC NULLS LAST, number DESC LIMIT :limit", limit);
    }


    /** Records the earliest deadline of the ticket's counting clocks (derived data: no version, no history). */
    void recordDue(long number, Instant due) {
        jdbc.sql("UPDATE tickets SET due_at = ? WHERE number = ?")
                .params(due == null ? null : timestamp(due), number).update();
    }

    /** The same for many tickets, in one JDBC batch. */
    void recordDue(Map<Long, Instant> due) {
        if (due.isEmpty()) {
            return;
        }
        template.batchUpdate("UPDATE tickets SET due_at = ? WHERE number = ?",
                due.entrySet().stream().map(e -> new Object[] {e.getValue() == null ? null : timestamp(e.getValue()),
                        e.getKey()}).toList(),
                new int[] {java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.BIGINT});
    }

    private List<TicketSummary> query(StringBuilder sql, Map<String, Object> params, TicketFilter f, String order,
            int limit) {
        if (f.states() != null) {
            // Sorted, so the same filter always gives the same SQL text.
            sql.append(" AND state IN (:states)");
            params.put("states", f.states().stream().map(Enum::name).sorted().toList());
        }
        if (f.priority() != null) {
            sql.append(" AND priority = :priority");
            params.put("priority", f.priority().name());
        }
        if (f.type() != null) {
            sql.append(" AND type = :type");
            params.put("type", f.type().name());
        }
        if (f.assignee() != null) {
            sql.append(" AND assignee = :assignee");
            params.put("assignee", f.assignee());
        }
        if (f.unassigned()) {
            sql.append(" AND assignee IS NULL");
        }
        if (f.reporter() != null) {
            sql.append(" AND reporter = :reporter");
            params.put("reporter", f.reporter());
        }
        if (f.team() != null) {
            sql.append(" AND team = :team");
            params.put("team", f.team());
        }
        if (f.label() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ticket_labels l WHERE l.ticket_number = t.number AND l.label = :label)");
            params.put("label", f.label());
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND LOWER(title) LIKE :text ESCAPE '\\'");
            params.put("text", "%" + f.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        sql.append(order);
        params.put("limit", limit);
        // by position in SUMMARY's column list: a name costs the driver a map lookup, twelve per row
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new TicketSummary(rs.getLong(1),
                rs.getString(2), enumOf(TicketType.class, rs.getString(3)), enumOf(Priority.class, rs.getString(4)),
                TicketState.valueOf(rs.getString(5)), strings(rs.getArray(12)), rs.getString(6), rs.getString(7),
                instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)),
                enumOf(TicketState.class, rs.getString(10)), rs.getInt(11)))
                .list();
    }

    /**
     * A SQL array of strings (PostgreSQL gives a String[], H2 an Object[]), sorted in Java as the labels
     * always were (the database's collation may order them otherwise); none for NULL.
     */
    private static List<String> strings(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            // a loop rather than two streams: this runs for every row of every list page
            Object[] values = (Object[]) array.getArray();
            String[] strings = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                strings[i] = (String) values[i];
            }
            Arrays.sort(strings);
            return List.of(strings);
        } finally {
            array.free();
        }
    }

    /** The elements of a SQL array in their order, none for NULL. */
    private static <T> List<T> values(java.sql.Array array, Class<T> type) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(type::cast).toList();
        } finally {
            array.free();
        }
    }

    void append(long number, Instant at, String actor, TicketAction action, Field field, String before,
            String after, String reason) {
        append(List.of(new NewEntry(number, at, actor, action, field, before, after, reason)));
    }

    /** History entries to append, in their order. */
    record NewEntry(long number, Instant at, String actor, TicketAction action, Field field, String before,
            String after, String reason) {}

    /** Appends entries in one statement, in their order (an opening's values are one entry per field). */
    void append(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ticket_events (ticket_number, occurred_at, actor, action,"
                + " field, before_value, after_value, reason) VALUES ");
        List<Object> values = new ArrayList<>(entries.size() * 8);
        for (NewEntry e : entries) {
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(Arrays.asList(e.number(), timestamp(e.at()), e.actor(), e.action().name(),
                    e.field() == null ? null : e.field().name(), e.before(), e.after(), e.reason()));
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    List<HistoryEntry> history(long number, ZoneId zone) {
        return jdbc.sql("SELECT * FROM ticket_events WHERE ticket_number = ? ORDER BY id").param(number)
                .query((rs, i) -> entry(rs, zone))
                .list();
    }

    /** The histories of several tickets in two queries (lists show their SLA badges this way). */
    Map<Long, TicketHistory> histories(java.util.Collection<Long> numbers, ZoneId zone) {
        Map<Long, TicketHistory> histories = new java.util.LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return histories;
        }
        Map<Long, List<HistoryEntry>> entries = new HashMap<>();
        jdbc.sql("SELECT * FROM ticket_events WHERE ticket_number IN (:numbers) ORDER BY ticket_number, id")
                .param("numbers", numbers)
                .query(rs -> {
                    entries.computeIfAbsent(rs.getLong("ticket_number"), n -> new ArrayList<>()).add(entry(rs, zone));
                });
        jdbc.sql("SELECT number, created_at, team, version, due_at FROM tickets WHERE number IN (:numbers)")
                .param("numbers", numbers)
                .query(rs -> {
                    long number = rs.getLong(1);
                    histories.put(number, new TicketHistory(number, instant(rs, "created_at"), rs.getString(3),
                            List.copyOf(entries.getOrDefault(number, List.of())), rs.getInt(4), instant(rs, "due_at")));
                });
        return histories;
    }

    /** One ticket's history in one statement, its ticket's columns on every row; empty when there is no such ticket. */
    Optional<TicketHistory> historyWithTicket(long number, ZoneId zone) {
        List<HistoryEntry> entries = new ArrayList<>();
        TicketHead[] ticket = new TicketHead[1];
        jdbc.sql("SELECT t.created_at AS ticket_created_at, t.team AS ticket_team, t.version AS ticket_version,"
                        + " t.due_at AS ticket_due_at, e.* FROM tickets t LEFT JOIN ticket_events e"
                        + " ON e.ticket_number = t.number WHERE t.number = ? ORDER BY e.id")
                .param(number)
                .query(rs -> {
                    if (ticket[0] == null) {
                        ticket[0] = new TicketHead(instant(rs, "ticket_created_at"), rs.getString("ticket_team"),
                                rs.getInt("ticket_version"), instant(rs, "ticket_due_at"));
                    }
                    rs.getLong("id");
                    if (!rs.wasNull()) {
                        entries.add(entry(rs, zone));
                    }
                });
        if (ticket[0] == null) {
            return Optional.empty();
        }
        TicketHead head = ticket[0];
        return Optional.of(new TicketHistory(number, head.createdAt(), head.team(), List.copyOf(entries), head.version(),
                head.dueAt()));
    }

    private record TicketHead(Instant createdAt, String team, int version, Instant dueAt) {}

    /**
     * The next {@code limit} tickets after {@code after} by number, each with the history entries SLA
     * clocks read (state transitions, priorities set): what a rebuild of every ticket's clocks streams
     * through. Two range scans, the tickets' then their entries', joined here rather than by the database
     * (which would hash and sort them); entries other than those are left out, and those given carry no
     * actor or reason.
     */
    List<TicketHistory> clockHistories(long after, int limit) {
        List<Object[]> tickets = jdbc.sql("SELECT number, created_at, team, version, due_at FROM tickets"
                        + " WHERE number > ? ORDER BY number LIMIT ?")
                .params(after, limit)
                .query((rs, i) -> new Object[] {rs.getLong(1), instant(rs, "created_at"), rs.getString(3), rs.getInt(4),
                        instant(rs, "due_at")})
                .list();
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<Long, List<HistoryEntry>> entries = new HashMap<>(tickets.size() * 2);
        jdbc.sql("""
                SELECT ticket_number, id, occurred_at, field, after_value FROM ticket_events
                WHERE ticket_number > ? AND ticket_number <= ?
                  AND ((field = 'PRIORITY' AND after_value IS NOT NULL) OR (action = 'TRANSITIONED' AND field = 'STATE'))""")
                .params(after, (Long) tickets.getLast()[0])
                .query(rs -> {
                    // The instant as the driver gives it (UTC): no zone rules to apply a million times. The action
                    // is not read (PostgreSQL answers from an index that does not hold it): a state row here is a
                    // transition, and a priority row is an update.
                    Field field = Field.valueOf(rs.getString(4));
                    entries.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>(6)).add(new HistoryEntry(rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class), null,
                            field == Field.STATE ? TicketAction.TRANSITIONED : TicketAction.UPDATED, field, null,
                            rs.getString(5), null, null, null));
                });
        List<TicketHistory> batch = new ArrayList<>(tickets.size());
        for (Object[] t : tickets) {
            List<HistoryEntry> list = entries.getOrDefault((Long) t[0], List.of());
            if (list.size() > 1) {
                list.sort(java.util.Comparator.comparingLong(HistoryEntry::id));
            }
            batch.add(new TicketHistory((Long) t[0], (Instant) t[1], (String) t[2], list, (Integer) t[3], (Instant) t[4]));
        }
        return batch;
    }

    private static HistoryEntry entry(ResultSet rs, ZoneId zone) throws SQLException {
        Field field = enumOf(Field.class, rs.getString("field"));
        String before = rs.getString("before_value");
        String after = rs.getString("after_value");
        if (field == Field.LINKS) {
            return new HistoryEntry(rs.getLong("id"), offset(rs, "occurred_at", zone), rs.getString("actor"),
                    TicketAction.valueOf(rs.getString("action")), field, null, null, rs.getString("reason"),
                    LinkText.parse(before), LinkText.parse(after));
        }
        return new HistoryEntry(rs.getLong("id"), offset(rs, "occurred_at", zone), rs.getString("actor"),
                TicketAction.valueOf(rs.getString("action")), field, before, after, rs.getString("reason"), null, null);
    }

    long addComment(long number, String author, String body, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ticket_comments (ticket_number, author, body, created_at) VALUES (?, ?, ?, ?)")
                .params(number, author, body, timestamp(at)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    List<Comment> comments(long number, ZoneId zone) {
        return jdbc.sql("SELECT * FROM ticket_comments WHERE ticket_number = ? ORDER BY id").param(number)
                .query((rs, i) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
                        offset(rs, "created_at", zone)))
                .list();
    }

    private void writeLabels(Ticket t) {
        for (String label : t.labels()) {
            jdbc.sql("INSERT INTO ticket_labels (ticket_number, label) VALUES (?, ?)").params(t.number(), label).update();
        }
    }

    private void writeLinks(Ticket t) {
        int position = 0;
        for (TicketLink link : t.links()) {
            jdbc.sql("INSERT INTO ticket_links (ticket_number, ordinal, kind, target, merged) VALUES (?, ?, ?, ?, ?)")
                    .params(t.number(), position++, link.kind().name(), link.target(), link.isMergedPullRequest())
                    .update();
        }
    }

    /**
     * Enum values are stored by name; the labels as an array (the ticket's copy, which lists and reads show;
     * {@code ticket_labels} is the label filter's index); everything else as JDBC takes it.
     */
    private static Map<String, Object> parameters(Ticket t) {
        Ticket.Row row = t.row();
        Map<String, Object> p = new HashMap<>();
        p.put("labels", t.labels().toArray(String[]::new));
        for (RecordComponent component : Ticket.Row.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(row);
                p.put(component.getName(), value instanceof Enum<?> e ? e.name() : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return p;
    }

    /** {@code testEvidence} → {@code test_evidence}. */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime offset(ResultSet rs, String column, ZoneId zone) throws SQLException {
        return instant(rs, column).atZone(zone).toOffsetDateTime();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
