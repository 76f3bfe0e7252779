package dev.maintenancedesk;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * db-scheduler 16.7.1's auto-configuration waits for a {@code DataSource} bean but names Spring Boot 3's
 * {@code DataSourceAutoConfiguration}; under Spring Boot 4 (where it moved to {@code boot.jdbc.autoconfigure})
 * it was evaluated first, found no data source and created no scheduler, so no cluster job ever ran. This
 * empty auto-configuration sits between the two and so orders them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
public class DbSchedulerOrder {
}
