package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.InvalidInput;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;

/** Races and undecodable requests are refusals with a status a client can act on, never a 500. */
class RequestRefusalsTest {

    @Test
    void aLostRaceIsAConflict() {
        assertThat(RequestRefusals.of(new DuplicateKeyException("duplicate key value violates unique constraint")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("concurrent-change"));
        assertThat(RequestRefusals.of(new CannotAcquireLockException("could not serialize access")))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aParameterThatIsNotUtf8IsNamedAndRefused() {
        var containerError = new IllegalStateException("Character decoding failed. Parameter [state] with value [?] "
                + "has been ignored.", new MalformedInputException(3));
        assertThat(RequestRefusals.of(containerError))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("state"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503WhoeverMetIt() {
        // Hikari's timeout while the database refuses connections carries the refusal (SQLState 08001) as its cause
        var refused = new java.sql.SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        var timeout = new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available,"
                + " request timed out after 5000ms", "08001", refused);
        var inTransaction = new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", timeout);
        var lostMidQuery = new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        var rollbackFailed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(lostMidQuery);
        var shuttingDown = new java.sql.SQLException("terminating connection due to administrator command", "57P01");
        for (Throwable down : java.util.List.of(timeout, inTransaction, lostMidQuery, rollbackFailed, shuttingDown,
                new jakarta.servlet.ServletException(inTransaction))) {
            assertThat(RequestRefusals.of(down)).as(down.toString()).isInstanceOfSatisfying(
                    dev.maintenancedesk.problem.Unavailable.class, u -> {
                        assertThat(u.code()).isEqualTo("database-unavailable");
                        assertThat(u.getStatusCode().value()).isEqualTo(503);
                        assertThat(u.getHeaders().getFirst("Retry-After")).isEqualTo("10");
                    });
        }
    }

    @Test
    void noFreeConnectionWhileTheDatabaseAnswersIsA503ServerBusy() {
        var busy = new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed"
                        + " out after 5000ms (total=10, active=10, idle=0, waiting=40)"));
        assertThat(RequestRefusals.of(busy)).isInstanceOfSatisfying(dev.maintenancedesk.problem.Unavailable.class,
                u -> assertThat(u.code()).isEqualTo("server-busy"));
    }

    @Test
    void otherDatabaseErrorsStayBugs() {
        assertThat(RequestRefusals.of(new org.springframework.jdbc.BadSqlGrammarException("SELECT",
                "SELECT nope FROM tickets", new java.sql.SQLException("column \"nope\" does not exist", "42703"))))
                .isNull();
    }

    @Test
    void aBugStaysABug() {
        assertThat(RequestRefusals.of(new NullPointerException("boom"))).isNull();
    }
}
