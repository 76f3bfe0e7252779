package dev.maintenancedesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random loopback port, on this run's PostgreSQL database, with a known
 * admin password and API token. Tests talk to it over real HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "desk.sla.watch-delay=PT24H", "desk.preventive.delay=PT24H",
                "spring.modulith.events.republish-outstanding-events-on-restart=false", "spring.datasource.hikari.connection-timeout=2000",
                // connections opened as needed, not ten per cached context: the suite keeps several contexts
                "spring.datasource.hikari.minimum-idle=1",
                // and at most ten each (the server's 20 are sized for production load; the suite's contexts share one server)
                "spring.datasource.hikari.maximum-pool-size=10",
                // every test client is 127.0.0.1, and hostile tests guess admin's password: the brake would hold
                // the whole suite. FormLoginTest and PasswordSelfServiceTest set the pair's default back (with a
                // first wait long enough to see without timing); GuessingBrakeTest checks the rest.
                "desk.security.address-free-failures=1000000", "desk.security.pair-free-failures=1000000",
                "desk.security.first-delay=PT10M", "DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD, "DESK_ADMIN_TOKEN=" + DeskTest.ADMIN_TOKEN})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface DeskTest {
    String ADMIN_PASSWORD = "admin-password-for-tests";
    String ADMIN_TOKEN = "mdk_admin_token_for_tests_0123456789abcdef";
}
