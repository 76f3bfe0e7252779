package dev.maintenancedesk.cli;

import dev.maintenancedesk.postmortem.PostmortemFile;
import dev.maintenancedesk.postmortem.Postmortems;
import dev.maintenancedesk.problem.NotFound;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "postmortem", description = "Post-mortems (plan section 14).",
        subcommands = PostmortemCommand.Export.class)
final class PostmortemCommand {

    @Command(name = "export", description = {"Writes a ticket's post-mortem as Markdown in the plan's language to "
            + "DIR/YYYY-MM-DD-<slug>.md (the incident's start date and its title) and prints the file's path.",
            "Example: ./desk postmortem export 12"})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NUMBER", description = "The ticket's number.")
        long number;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = PostmortemFile.DIRECTORY,
                description = "The directory (default: " + PostmortemFile.DIRECTORY + ", created if need be).")
        Path out;

        @Override
        public Integer call() {
            if (number <= 0) {
                throw new Desk.UsageException("there is no ticket #" + number);
            }
            PostmortemFile file;
            try {
                file = DeskDatabase.with(Postmortems.class, p -> p.export(number));
            } catch (NotFound e) {
                throw new Desk.UsageException(e.getBody().getDetail());
            }
            try {
                Files.createDirectories(out);
                Path target = out.resolve(file.fileName());
                Files.writeString(target, file.markdown(), StandardCharsets.UTF_8);
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println(target);
                stdout.flush();
                return Desk.OK;
            } catch (IOException e) {
                throw new Desk.UsageException("cannot write to " + out + ": " + e.getMessage());
            }
        }
    }
}
