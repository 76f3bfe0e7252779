package dev.maintenancedesk.cli;

import picocli.CommandLine.Command;

@Command(name = "changelog", description = "CHANGELOG (Markdown) from git.")
final class ChangelogCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new Desk.UsageException("not implemented yet");
    }
}
