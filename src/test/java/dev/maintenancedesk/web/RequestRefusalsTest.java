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
    void aBugStaysABug() {
        assertThat(RequestRefusals.of(new NullPointerException("boom"))).isNull();
    }
}
