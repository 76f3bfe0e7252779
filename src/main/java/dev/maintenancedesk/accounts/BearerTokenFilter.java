package dev.maintenancedesk.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.maintenancedesk.problem.Forbidden;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer mdk_…} with a personal API token. The authentication
 * lives for this request only: nothing is written to a session. Not a bean on purpose, or Spring
 * Boot would also register it as a servlet filter in front of every request.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(SCHEME.length()).strip();
        Optional<TokenCache.Owner> bearer = tokens.authenticate(secret);
        if (bearer.isEmpty()) {
            // A wrong token is an error even on a public endpoint: the caller believes it is
            // authenticated and must learn that it is not.
            contexts.clearContext();
            problems.commence(request, response, new BadCredentialsException("invalid API token"));
            return;
        }
        TokenScope scope = bearer.get().scope();
        if (!scope.allows(request.getMethod())) {
            contexts.clearContext();
            problems.write(request, response, new Forbidden("token-read-only",
                    "This API token may only read (scope read): use a token with the write scope."));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(bearer.get().principal(), null,
                bearer.get().authorities());
        // The address only: Spring's WebAuthenticationDetailsSource also asks for the session, which reads a
        // session cookie sent along from the database (and then writes its last access back).
        authentication.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
