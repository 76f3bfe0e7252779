package dev.maintenancedesk.github;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code github_issues} map (one issue, one ticket) and the copied comments. */
@Repository
class IssueMap {

    /** An issue's row: its ticket (null until opened) and the issue's updated_at last applied. */
    record Entry(String repository, long issue, Long ticket, Instant issueUpdatedAt) {}

    private final JdbcClient jdbc;

    IssueMap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The issue's row, locked for this transaction; inserted first if absent. Of two transactions about
     * one new issue, the second waits on the first's insert and then reads its committed row: one ticket.
     */
    Entry lock(String repository, long issue) {
        jdbc.sql("INSERT INTO github_issues (repository, issue_number) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(repository, issue).update();
        return jdbc.sql("""
                SELECT repository, issue_number, ticket_number, issue_updated_at FROM github_issues
                WHERE repository = ? AND issue_number = ? FOR UPDATE""").params(repository, issue)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        instant(rs.getObject(4, OffsetDateTime.class))))
                .single();
    }

    void record(String repository, long issue, long ticket, Instant updatedAt, String author, String url,
            List<String> foreignLabels) {
        String foreign = String.join("\n", foreignLabels);
        jdbc.sql("""
                UPDATE github_issues SET ticket_number = ?, issue_updated_at = ?, author = COALESCE(?, author),
                url = COALESCE(?, url), foreign_labels = ? WHERE repository = ? AND issue_number = ?""")
                .params(ticket, updatedAt.atOffset(ZoneOffset.UTC), author, url,
                        foreign.length() > 2000 ? foreign.substring(0, 2000) : foreign, repository, issue).update();
    }

    /** The issue's labels the desk cannot hold as ticket labels (spaces, capitals…): kept when labels go back out. */
    List<String> foreignLabels(String repository, long issue) {
        String text = jdbc.sql("SELECT foreign_labels FROM github_issues WHERE repository = ? AND issue_number = ?")
                .params(repository, issue).query(String.class).optional().orElse(null);
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** The ticket opened for an issue, if any. */
    Optional<Long> ticketOf(String repository, long issue) {
        return jdbc.sql("SELECT ticket_number FROM github_issues WHERE repository = ? AND issue_number = ?")
                .params(repository, issue).query((rs, i) -> (Long) rs.getObject(1, Long.class)).optional()
                .filter(t -> t != null);
    }

    long count(String repository, long issue) {
        return jdbc.sql("SELECT COUNT(*) FROM github_issues WHERE repository = ? AND issue_number = ?")
                .params(repository, issue).query(Long.class).single();
    }

    Optional<Entry> byTicket(long ticket) {
        return jdbc.sql("""
                SELECT repository, issue_number, ticket_number, issue_updated_at FROM github_issues
                WHERE ticket_number = ?""").param(ticket)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        instant(rs.getObject(4, OffsetDateTime.class))))
                .optional();
    }

    /** Records a copied comment; false if it was copied already. */
    boolean addComment(long commentId, long ticket) {
        return jdbc.sql("INSERT INTO github_comments (comment_id, ticket_number) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(commentId, ticket).update() == 1;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
