package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.TooManyAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form's side of {@link GuessingBrake}: each {@code POST /login} claims an attempt for the typed
 * username from the client's address before Spring Security compares the password (one waiting is sent back
 * to {@code /login?error=wait} without a comparison), and a successful login takes its count back.
 */
@Component
class LoginAttempts {

    private final GuessingBrake brake;

    LoginAttempts(GuessingBrake brake) {
        this.brake = brake;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            brake.succeeded(event.getAuthentication().getName(), details.getRemoteAddress());
        }
    }

    /** Placed before the form login's filter. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    brake.attempt(request.getParameter("username"), request.getRemoteAddr());
                } catch (TooManyAttempts waiting) {
                    response.setHeader("Retry-After", waiting.getHeaders().getFirst("Retry-After"));
                    response.sendRedirect(request.getContextPath() + "/login?error=wait");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
