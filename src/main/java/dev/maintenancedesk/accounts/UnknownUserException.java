package dev.maintenancedesk.accounts;

/** No user has this name. */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String username) {
        super("No user named " + username + ".");
    }
}
