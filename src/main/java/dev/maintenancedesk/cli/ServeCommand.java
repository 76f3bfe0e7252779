package dev.maintenancedesk.cli;

import dev.maintenancedesk.DeskApplication;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
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
        SpringApplication.run(DeskApplication.class, springArguments);
        started = true;
        return Desk.OK;
    }
}
