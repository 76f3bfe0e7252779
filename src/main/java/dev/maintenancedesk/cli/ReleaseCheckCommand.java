package dev.maintenancedesk.cli;

import picocli.CommandLine.Command;

@Command(name = "check", description = "API-impact rule.")
final class ReleaseCheckCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new Desk.UsageException("not implemented yet");
    }
}
