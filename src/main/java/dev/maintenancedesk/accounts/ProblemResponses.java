package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.DeskProblem;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
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
 * to a login page or an HTML error. Security filters answer before Spring MVC, so the body is written
 * here, from the same problem types (and thus the same shape) the API handler renders.
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
        write(request, response, tokenGiven
                ? new Unauthenticated("invalid-token", "The API token is unknown or revoked, or its user is disabled.")
                : new Unauthenticated("authentication-required",
                        "Authentication required: send 'Authorization: Bearer <API token>' or log in."));
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
        write(request, response, exception instanceof CsrfException
                ? new Forbidden("csrf-token-invalid",
                        "CSRF token missing or invalid: send the X-CSRF-TOKEN header with requests made from a session.")
                : new Forbidden("role-forbidden", "Your role does not allow this."));
    }

    void write(HttpServletRequest request, HttpServletResponse response, DeskProblem problem)
            throws IOException {
        ProblemDetail detail = problem.getBody();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(detail.getType()));
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        body.put("instance", request.getRequestURI());
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.setStatus(detail.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
