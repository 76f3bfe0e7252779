package dev.maintenancedesk.accounts;

import dev.maintenancedesk.problem.Forbidden;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user whose password is temporary (an administrator's reset, the generated first admin
 * password: {@link Users#mustChangePassword}) on the page where they choose their own, until they do.
 * The login marks the session; while it is marked, pages redirect to {@link #PAGE} and the API answers
 * 403 {@code password-change-required} when called with that session, except {@code GET /api/v1/me} and
 * {@code PUT /api/v1/me/password}. Calls with an API token are not concerned: tokens are the user's own
 * secrets, and a reset must not break their scripts (an admin who suspects a leaked token disables the
 * account). Not a bean, for the same reason as {@link BearerTokenFilter}.
 */
public final class PasswordChangeGate extends OncePerRequestFilter {

    /** Where the user chooses their own password (a page of the web module; the form posts there too). */
    public static final String PAGE = "/profile/password";
    static final String MARK = PasswordChangeGate.class.getName() + ".required";
    private static final List<String> OPEN = List.of(PAGE, "/logout", "/login", "/error", "/favicon.ico",
            "/api/v1/me", "/api/v1/me/password");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/images/");

    private final Users users;
    private final ProblemResponses problems;

    PasswordChangeGate(Users users, ProblemResponses problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The token first: reading the session of a call that also sends a cookie costs a database read and,
        // once touched, a write of its last access.
        HttpSession session = BearerTokenFilter.carriesToken(request) ? null : request.getSession(false);
        if (session == null || !Boolean.TRUE.equals(session.getAttribute(MARK)) || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // The mark is a hint: the database decides, and a changed password lifts the mark for good.
        if (authentication == null || !users.mustChangePassword(authentication.getName())) {
            session.removeAttribute(MARK);
            chain.doFilter(request, response);
            return;
        }
        String path = path(request);
        if (path.startsWith("/api/")) {
            problems.write(request, response, new Forbidden("password-change-required",
                    "Your password is temporary: choose your own (PUT /api/v1/me/password, or " + PAGE
                            + " in a browser) before anything else."));
            return;
        }
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    private static boolean open(HttpServletRequest request) {
        String path = path(request);
        return OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** After a successful login: a temporary password sends the user to {@link #PAGE} and marks the session. */
    static final class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final Users users;

        LoginSuccess(Users users) {
            this.users = users;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws ServletException, IOException {
            if (users.mustChangePassword(authentication.getName())) {
                request.getSession().setAttribute(MARK, Boolean.TRUE);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, PAGE);
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
