package dev.maintenancedesk.cli;

import dev.maintenancedesk.DeskApplication;
import dev.maintenancedesk.accounts.AdminTokenSetting;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", description = "Start the web UI and the REST API (settings: DESK_* environment variables).")
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean started;

    @Unmatched
    private String[] springArguments = new String[0];

    static boolean started() {
        return started;
    }

    @Override
    public Integer call() {
        checkSettings();
        try {
            SpringApplication.run(DeskApplication.class, springArguments);
        } catch (RuntimeException e) {
            // Spring has reported why just above; a server that cannot start is a matter of its settings or
            // surroundings (database, port, plan) far more often than a bug: exit 2, not an internal error
            Throwable cause = rootCause(e);
            throw new Desk.UsageException("the server did not start: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        started = true;
        return Desk.OK;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Settings checked before Spring starts: once it runs, a refusal comes after its start-up log and
     * with a stack trace, where one line says it all. Read as Spring will: arguments, system
     * properties, environment.
     */
    private void checkSettings() {
        StandardEnvironment settings = new StandardEnvironment();
        settings.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArguments));
        AdminTokenSetting.problem(settings.getProperty(AdminTokenSetting.NAME)).ifPresent(problem -> {
            throw new Desk.UsageException(problem);
        });
    }
}
