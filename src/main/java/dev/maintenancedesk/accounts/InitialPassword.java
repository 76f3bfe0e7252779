package dev.maintenancedesk.accounts;

import java.security.SecureRandom;
import java.util.Base64;

/** A password the desk chooses for a new account (shown once): 18 random bytes, 24 URL-safe characters. */
public final class InitialPassword {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPassword() {}

    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
