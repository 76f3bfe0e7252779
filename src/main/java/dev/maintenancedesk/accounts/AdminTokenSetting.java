package dev.maintenancedesk.accounts;

import java.util.Optional;

/**
 * {@code DESK_ADMIN_TOKEN}, the admin's API token chosen by the operator: it must look like the tokens
 * the desk generates ({@code mdk_} and enough characters to be unguessable). Public so that
 * {@code desk serve} can refuse a bad value in one line before Spring starts.
 */
public final class AdminTokenSetting {

    public static final String NAME = "DESK_ADMIN_TOKEN";
    static final int MIN_LENGTH = 24;

    private AdminTokenSetting() {}

    /** Why {@code value} cannot be the admin's token; empty when it can, or when it is unset (null or blank). */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank() || value.startsWith(ApiTokens.PREFIX) && value.length() >= MIN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(NAME + " must start with " + ApiTokens.PREFIX + " and be at least " + MIN_LENGTH
                + " characters long");
    }
}
