package dev.maintenancedesk.accounts;

/** A change to accounts that would break a rule: a taken username, removing the last administrator. */
public class AccountConflictException extends RuntimeException {

    public AccountConflictException(String message) {
        super(message);
    }
}
