package dev.maintenancedesk;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The server face; {@code desk serve} starts it, every other command runs without it. */
@SpringBootApplication
@Modulithic(systemName = "Maintenance Desk")
@EnableAsync
public class DeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskApplication.class, args);
    }

    /**
     * The one source of "now", so that tests can pin time. It ticks in microseconds, the precision of the
     * database's timestamps, so that an instant answered before it is stored equals the one read back.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Scheduled jobs run in the server only: a database command of the CLI sets this to false. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "desk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
