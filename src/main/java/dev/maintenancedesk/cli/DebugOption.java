package dev.maintenancedesk.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code --debug}: an internal error prints its stack trace too. Declared once on {@code desk} and
 * inherited by every command, so that it can be given wherever the error shows up.
 */
final class DebugOption {

    static final String NAME = "--debug";

    @Option(names = NAME, scope = ScopeType.INHERIT, description = "On an internal error, print the stack trace.")
    boolean debug;

    /** Whether {@code --debug} was given at any level of the command line. */
    static boolean given(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(NAME)) {
                return true;
            }
        }
        return false;
    }
}
