package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.problem.TooManyAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brake on password guessing, on the real database with a clock the test moves: free failures, then waits
 * that double up to the maximum, forgotten after an hour; per (username, address) and per address, so that a
 * third party never holds the owner's logins from elsewhere; parallel guesses cannot slip past.
 */
class GuessingBrakeTest {

    static DriverManagerDataSource database;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    final GuessingBrake brake = new GuessingBrake(JdbcClient.create(database),
            new TransactionTemplate(new DataSourceTransactionManager(database)), clock, 5, 20, Duration.ofSeconds(1),
            Duration.ofMinutes(15));
    final String user = "brake-" + UUID.randomUUID();

    @BeforeAll
    static void schema() {
        database = new DriverManagerDataSource(TestDatabase.own("_brake"), "", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
    }

    @Test
    void fiveFreeFailuresThenWaitsThatDoubleUpToTheMaximum() {
        for (int i = 0; i < 6; i++) {
            brake.attempt(user, "10.0.0.1");
        }
        assertThat(brake.waitUntil(user, "10.0.0.1")).contains(clock.instant().plusSeconds(1));
        assertThatThrownBy(() -> brake.attempt(user, "10.0.0.1")).isInstanceOf(TooManyAttempts.class);
        clock.advance(Duration.ofSeconds(1));
        brake.attempt(user, "10.0.0.1");
        assertThat(brake.waitUntil(user, "10.0.0.1")).contains(clock.instant().plusSeconds(2));
        for (int wait : new int[] {2, 4, 8, 16}) {
            clock.advance(Duration.ofSeconds(wait));
            brake.attempt(user, "10.0.0.1");
        }
        assertThat(brake.waitUntil(user, "10.0.0.1")).contains(clock.instant().plusSeconds(32));
        assertThat(brake.delay(40, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aThirdPartyGuessingFromElsewhereNeverHoldsTheOwner() {
        for (int i = 0; i < 12; i++) {
            try {
                brake.attempt(user, "203.0.113.9");
            } catch (TooManyAttempts held) {
                clock.advance(Duration.ofMinutes(20));
            }
        }
        assertThat(brake.waitUntil(user, "203.0.113.9")).isPresent();
        brake.attempt(user, "192.168.1.20");      // the owner, from their own machine: not held
        brake.succeeded(user, "192.168.1.20");
        assertThat(brake.waitUntil(user, "192.168.1.20")).isEmpty();
    }

    @Test
    void anAddressTryingManyNamesKnownOrNotIsHeldToo() {
        String address = "198.51.100." + (int) (Math.random() * 200);
        for (int i = 0; i < 21; i++) {
            brake.attempt("nobody-" + i + "-" + user, address);
        }
        assertThatThrownBy(() -> brake.attempt("yet-another-" + user, address)).isInstanceOf(TooManyAttempts.class)
                .satisfies(e -> assertThat(((TooManyAttempts) e).getHeaders().getFirst("Retry-After")).isEqualTo("1"));
    }

    @Test
    void theRightPasswordTakesItsCountBackAndAnHourForgetsTheRest() {
        for (int i = 0; i < 5; i++) {
            brake.attempt(user, "10.0.0.2");
        }
        brake.attempt(user, "10.0.0.2");
        brake.succeeded(user, "10.0.0.2");
        assertThat(brake.waitUntil(user, "10.0.0.2")).as("a success clears the pair").isEmpty();

        for (int i = 0; i < 5; i++) {
            brake.attempt(user, "10.0.0.3");
        }
        clock.advance(Duration.ofMinutes(61));
        brake.attempt(user, "10.0.0.3");
        assertThat(brake.waitUntil(user, "10.0.0.3")).as("old failures are forgotten: free again").isEmpty();
    }

    @Test
    void parallelGuessesCannotSlipPastTheCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                guesses.add(pool.submit(() -> {
                    try {
                        brake.attempt(user, "10.0.0.4");
                        return true;
                    } catch (TooManyAttempts held) {
                        return false;
                    }
                }));
            }
            int allowed = 0;
            for (Future<Boolean> g : guesses) {
                allowed += g.get() ? 1 : 0;
            }
            assertThat(allowed).as("five free and the one that set the wait").isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }
}
