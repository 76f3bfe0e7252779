package dev.maintenancedesk;

import dev.maintenancedesk.cli.Desk;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code desk} command line in the test's JVM, as a shell would, keeping what it prints. */
public final class DeskCli {

    private DeskCli() {}

    /** The exit code and what the command wrote to stdout and stderr. */
    public record Result(int code, String out, String err) {}

    public static Result desk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Desk.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
