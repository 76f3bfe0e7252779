package dev.maintenancedesk.cli;

import dev.maintenancedesk.DeskApplication;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The desk's services for a command that reads or writes the database ({@code preventive run},
 * {@code postmortem export}, {@code import github}, …): the same application as {@code serve}, without
 * an open port and without scheduled jobs, on the database {@code DESK_DATABASE_URL} names, so that
 * such a command may run while a server runs. The context is closed when the work is done.
 */
final class DeskDatabase {

    private DeskDatabase() {
    }

    /** Starts the context, hands {@code work} the bean of {@code type}, returns what it returns. */
    static <T, R> R with(Class<T> type, Function<T, R> work) {
        try (ConfigurableApplicationContext context = start()) {
            return work.apply(context.getBean(type));
        }
    }

    private static ConfigurableApplicationContext start() {
        try {
            return new SpringApplicationBuilder(DeskApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .logStartupInfo(false)
                    // as command-line arguments: they must win over application.properties (server.port)
                    .run("--desk.scheduling.enabled=false", "--db-scheduler.enabled=false",
                            "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                            // the same beans as the server (sessions, security), but no port is opened
                            "--server.port=-1",
                            "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new Desk.UsageException("cannot open the database: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }
}
