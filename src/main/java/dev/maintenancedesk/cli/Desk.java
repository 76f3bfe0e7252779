package dev.maintenancedesk.cli;

import dev.maintenancedesk.problem.InvalidInput;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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
            CommitsCommand.class, ReleaseCommand.class, ChangelogCommand.class, BackupCommand.class,
            PreventiveCommand.class, PostmortemCommand.class, BacklogCommand.class, WatchCommand.class, ReportCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit codes of DESIGN §7. */
    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL_ERROR = 3;

    @Mixin
    DebugOption debug;

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
        return execute(cli, args, out, err);
    }

    /** Runs {@code args} on {@code cli}: every failure ends as one line on {@code err} and its exit code. */
    static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("desk: " + oneLine(describe(ex)));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> failed(ex, DebugOption.given(parsed), err));
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error ex) {
            // what picocli lets through (an Error thrown by a command) is internal too
            return failed(ex, cli.getParseResult() != null && DebugOption.given(cli.getParseResult()), err);
        }
    }

    /**
     * Bad usage or input (exit 2) is the user's to fix and says how in one line; anything else is a bug
     * of the desk (exit 3), whose stack trace would only scare a hook's user unless asked for.
     */
    private static int failed(Throwable ex, boolean debug, PrintWriter err) {
        if (ex instanceof UsageException || ex instanceof InvalidInput) {
            err.println("desk: " + oneLine(ex.getMessage()));
            return USAGE;
        }
        err.println("desk: internal error: " + oneLine(describe(ex))
                + (debug ? "" : " (run with " + DebugOption.NAME + " for the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** Picocli's message, but an unknown command is named as such, with where to read the ones that exist. */
    private static String describe(ParameterException ex) {
        CommandLine where = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatched && !where.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String name = unmatched.getUnmatched().get(0);
            String path = where.getCommandSpec().qualifiedName().replaceFirst("^\\S+\\s*", "");
            return path.isEmpty() ? "unknown command '" + name + "' (see ./desk help)"
                    : "unknown command '" + name + "' for desk " + path + " (see ./desk help " + path + ")";
        }
        return ex.getMessage();
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
