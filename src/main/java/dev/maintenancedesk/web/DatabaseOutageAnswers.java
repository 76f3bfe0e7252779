package dev.maintenancedesk.web;

import dev.maintenancedesk.accounts.SecurityHeaders;
import dev.maintenancedesk.problem.Unavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database does not answer, a request fails wherever it first needs it: reading its session (Spring
 * Session keeps sessions in the database, and loads one before any controller runs), checking an API token or
 * a password, or in a controller. Those met inside Spring MVC are answered by {@link ApiProblems} and
 * {@link BrowserErrorPages}; this filter, around everything (the session filter included) and around the error
 * page too (whose layout asks the database for the user's name), answers the rest from the same reading
 * ({@link RequestRefusals}): 503 problem+json for machines, the 503 page in the visitor's language for a
 * browser, with {@code Retry-After} — never the container's 500. The page is rendered from the cookie or
 * {@code ?lang=} language alone, as the profile's language is in the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before Spring Session's filter (HIGHEST_PRECEDENCE + 50)
class DatabaseOutageAnswers extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswers.class);
    private static final long LOG_EVERY_NANOS = 30_000_000_000L;
    /** Headers that belonged to the answer that failed; the security headers written meanwhile are kept. */
    private static final Set<String> DROPPED = Set.of("location", "set-cookie", "etag", "last-modified",
            "transfer-encoding", "retry-after", "content-type", "content-length", "content-language",
            "content-disposition", "content-encoding", "content-range");

    private final JsonMapper json;
    private final ObjectProvider<ThymeleafViewResolver> views;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    DatabaseOutageAnswers(JsonMapper json, ObjectProvider<ThymeleafViewResolver> views) {
        this.json = json;
        this.views = views;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !(RequestRefusals.of(e) instanceof Unavailable unavailable)) {
                throw e;
            }
            note(unavailable, e);
            answer(request, response, unavailable);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Unavailable unavailable)
            throws IOException, ServletException {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(lower)) {
                kept.put(name, new ArrayList<>(response.getHeaders(name)));
            }
        }
        response.reset();
        kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        // a refusal before Spring Security's chain ran (the bounded queue, the session lookup) has none of them yet
        SecurityHeaders.writeTo(response, request.isSecure());
        unavailable.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setStatus(unavailable.getStatusCode().value());
        ThymeleafViewResolver resolver = views.getIfAvailable();
        if (resolver != null && BrowserErrorPages.wantsPage(request)) {
            page(request, response, unavailable, resolver);
        } else {
            problem(request, response, unavailable);
        }
        response.flushBuffer();
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, Unavailable unavailable)
            throws IOException {
        ProblemDetail detail = unavailable.getBody();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(detail.getType()));
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        body.put("instance", request.getRequestURI());
        byte[] bytes = json.writeValueAsBytes(body);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Unavailable unavailable,
            ThymeleafViewResolver resolver) throws ServletException {
        Locale locale = language(request);
        // the desk's locale resolver would read the signed-in user's profile, in the database
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", unavailable.getStatusCode().value());
        model.put(BrowserErrorPages.PROBLEM_ATTRIBUTE, UiProblem.of(unavailable));
        model.put("languageLinks", LayoutAdvice.languageLinks(request.getQueryString()));
        model.put("isAdmin", false);
        try {
            View view = resolver.resolveViewName("error/503", locale);
            if (view == null) {
                throw new ServletException("no error/503 template");
            }
            view.render(model, request, response);
        } catch (ServletException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException("the 503 page could not be rendered", e);
        }
    }

    /** {@code ?lang=}, else the language cookie, else the desk's default (as {@link LocaleConfiguration}). */
    private static Locale language(HttpServletRequest request) {
        String asked = request.getParameter(LocaleConfiguration.PARAMETER);
        if (asked != null && LocaleConfiguration.SUPPORTED.contains(asked)) {
            return Locale.forLanguageTag(asked);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LocaleConfiguration.COOKIE.equals(cookie.getName())
                        && LocaleConfiguration.SUPPORTED.contains(cookie.getValue())) {
                    return Locale.forLanguageTag(cookie.getValue());
                }
            }
        }
        return LocaleConfiguration.DEFAULT;
    }

    /** One warning when an outage starts, then one every 30 s while it lasts: no line (nor trace) per request. */
    private void note(Unavailable unavailable, Throwable e) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            refused.addAndGet(-count);
            log.warn("{} request(s) answered 503 ({}) since the last such line; last cause: {}", count,
                    unavailable.code(), rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
