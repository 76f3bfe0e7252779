package dev.maintenancedesk.cli;

import picocli.CommandLine.Command;

@Command(name = "notes", description = "Release notes (Markdown) of a range.")
final class ReleaseNotesCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new Desk.UsageException("not implemented yet");
    }
}
