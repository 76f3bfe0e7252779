package dev.maintenancedesk.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 of the machine face as RFC 9457 problem+json: scripts must never receive a redirect
 * to a login page or an HTML error.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean tokenGiven = BearerTokenFilter.carriesToken(request);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer realm=\"maintenance-desk\", error=\"invalid_token\"" : "Bearer realm=\"maintenance-desk\"");
        write(request, response, HttpStatus.UNAUTHORIZED, tokenGiven
                ? "The API token is unknown or revoked, or its user is disabled."
                : "Authentication required: send 'Authorization: Bearer <API token>' or log in.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        var authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication == null || trust.isAnonymous(authentication)) {
            // Typically a stale CSRF token on an expired session: the real problem is the missing login.
            commence(request, response, new InsufficientAuthenticationException("not authenticated", exception));
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, exception instanceof CsrfException
                ? "CSRF token missing or invalid: send the X-CSRF-TOKEN header with requests made from a session."
                : "Your role does not allow this.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
