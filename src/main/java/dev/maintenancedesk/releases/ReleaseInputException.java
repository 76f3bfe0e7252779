package dev.maintenancedesk.releases;

/**
 * Bad input for a release computation: not a git repository, an unknown revision, an empty range, a
 * message that cannot be read. The message is one line, fit for {@code desk: <message>} and exit code 2.
 */
public class ReleaseInputException extends RuntimeException {

    public ReleaseInputException(String message) {
        super(message);
    }

    public ReleaseInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
