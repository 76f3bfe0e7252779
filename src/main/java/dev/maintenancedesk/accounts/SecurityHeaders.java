package dev.maintenancedesk.accounts;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer, for the answers written outside Spring Security's filter chain (which
 * writes the same ones through {@link SecurityConfiguration}): Tomcat's own refusals, and the 503s answered
 * before the chain runs (an overloaded desk, a database outage met while reading the session).
 */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    public static void writeTo(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
        response.setHeader("Cache-Control", "no-store");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
