package dev.maintenancedesk.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar. Only {@code serve} starts Spring: every other command answers from the
 * plan file, git or stdin alone so that a commit-msg hook stays well under a second.
 */
@Command(name = "desk", mixinStandardHelpOptions = true, versionProvider = Desk.Version.class,
        description = "Maintenance Desk: runs a software team's maintenance plan as software.")
public final class Desk {

    /**
     * The top-level commands, in help order. Picocli reflects over a command's whole tree when it is
     * added, so a command line gets only the command it names (~60 ms less in a commit-msg hook).
     */
    static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, PlanCommand.class, SlaCommand.class,
            CommitsCommand.class, ReleaseCommand.class, ChangelogCommand.class, CommandLine.HelpCommand.class);

    /** Exit codes of DESIGN §7. */
    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            quietLogging();
        }
        // UTF-8 whatever the locale: the plan's French texts ("≤ 1h ouvrée") must survive a POSIX shell.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        if (code != OK || !ServeCommand.started()) {
            System.exit(code);
        }
    }

    /** JGit logs through SLF4J; configuring Logback costs ~50 ms and short commands print their own errors. */
    static void quietLogging() {
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Desk());
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> command : named == null ? COMMANDS : List.of(named)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("desk: " + oneLine(ex.getMessage()));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("desk: " + oneLine(ex instanceof UsageException ? ex.getMessage() : describe(ex)));
            return USAGE;
        });
        cli.setExitCodeExceptionMapper(ex -> USAGE);
        return cli.execute(args);
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Bad usage or unreadable input: printed as one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Desk.class.getPackage().getImplementationVersion();
            return new String[] {"Maintenance Desk " + (v == null ? "(development build)" : v)};
        }
    }
}
