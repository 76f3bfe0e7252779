package dev.maintenancedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.env.Environment;

/** A database command gets the desk's services without a web server or scheduled jobs. */
class DeskDatabaseTest {

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
    }

    @Test
    void opensTheDeskOnTheConfiguredDatabaseWithoutAPortOrClusterJobs() {
        System.setProperty("DESK_DATABASE_URL", TestDatabase.url());
        // a command must not pick due cluster jobs (preventive generation, feeds) that a server would run
        assertThatThrownBy(() -> DeskDatabase.with(Scheduler.class, s -> s))
                .isInstanceOf(NoSuchBeanDefinitionException.class);
        Long firstNumber = DeskDatabase.with(Tickets.class, tickets -> (long) tickets.listNewest(dev.maintenancedesk.tickets.TicketFilter.none(), null, 1).items().size());
        assertThat(firstNumber).isNotNull();
        String port = DeskDatabase.with(Environment.class, env -> env.getProperty("local.server.port"));
        assertThat(port).as("no port is opened").isEqualTo("-1");
    }

    @Test
    void anUnreachableDatabaseIsAOneLineUsageError() {
        System.setProperty("DESK_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        assertThatThrownBy(() -> DeskDatabase.with(Tickets.class, t -> t))
                .isInstanceOf(Desk.UsageException.class)
                .hasMessageStartingWith("cannot open the database: ");
    }
}
