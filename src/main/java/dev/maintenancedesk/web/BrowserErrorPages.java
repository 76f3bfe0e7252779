package dev.maintenancedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Browsers get the error pages of templates/error, not problem+json. With problem details enabled,
 * Spring MVC answers its own exceptions (unknown page, wrong method, bad parameter,
 * ResponseStatusException) with a JSON body whatever the Accept header; for a person at a browser
 * on a UI route that is a raw JSON blob. Here such an exception becomes a plain error status
 * instead, which the servlet container hands to Boot's error controller and thus to our pages.
 * API, webhook and actuator paths, and clients that do not ask for HTML, keep problem+json.
 */
@Configuration(proxyBeanMethods = false)
class BrowserErrorPages implements WebMvcConfigurer {

    private static final List<String> MACHINE_PATHS = List.of("/api/", "/webhooks/", "/actuator", "/v3/api-docs");

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(BrowserErrorPages::resolve);
    }

    private static ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!(exception instanceof ErrorResponse error) || !wantsPage(request) || response.isCommitted()) {
            return null;
        }
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.sendError(error.getStatusCode().value());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** A browser navigating: it names text/html explicitly (API clients send JSON or nothing, or * / *). */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
