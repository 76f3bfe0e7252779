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
        return with(type, work, new String[0]);
    }

    /** The same with more properties for this command's context ({@code --name=value}). */
    static <T, R> R with(Class<T> type, Function<T, R> work, String... properties) {
        try (ConfigurableApplicationContext context = start(properties)) {
            return work.apply(context.getBean(type));
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        if (System.getProperty("slf4j.provider", "").endsWith("NOP_FallbackServiceProvider")) {
            // Desk.main silenced SLF4J for short commands: Spring Boot would refuse to start on a Logback it
            // cannot configure ("LoggerFactory is not a Logback LoggerContext"); the command prints its own.
            System.setProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY,
                    org.springframework.boot.logging.LoggingSystem.NONE);
            // nor Tomcat's java.util.logging INFO lines on stderr (Logback's WARN kept them out before)
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                    "--desk.scheduling.enabled=false", "--db-scheduler.enabled=false",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                    // the same beans as the server (sessions, security), but no port is opened
                    "--server.port=-1",
                    "--spring.modulith.events.republish-outstanding-events-on-restart=false"));
            args.addAll(java.util.List.of(properties));
            return new SpringApplicationBuilder(DeskApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .logStartupInfo(false)
                    // as command-line arguments: they must win over application.properties (server.port)
                    .run(args.toArray(String[]::new));
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
