package dev.maintenancedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one handler for the UI: browsers get the error pages of templates/error, not problem+json. With
 * problem details enabled, Spring MVC answers its own exceptions (unknown page, wrong method, bad
 * parameter) with a JSON body whatever the Accept header; for a person at a browser on a UI route that
 * is a raw JSON blob. Here every refusal ({@link RequestRefusals}, the same reading the API answers
 * from) becomes its error status, and what it says travels as a {@link UiProblem} request attribute to
 * Boot's error controller, whose model shows it on our pages in the visitor's language. API, webhook and
 * actuator paths, and clients that do not ask for HTML, keep problem+json.
 */
@Configuration(proxyBeanMethods = false)
class BrowserErrorPages implements WebMvcConfigurer {

    /** The request attribute, then error-page model entry, that holds the refusal as a {@link UiProblem}. */
    static final String PROBLEM_ATTRIBUTE = "problem";

    private static final List<String> MACHINE_PATHS = List.of("/api/", "/webhooks/", "/actuator", "/v3/api-docs");

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(BrowserErrorPages::resolve);
    }

    private static ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        ErrorResponse error = wantsPage(request) && !response.isCommitted() ? RequestRefusals.of(exception) : null;
        if (error == null) {
            return null;
        }
        request.setAttribute(PROBLEM_ATTRIBUTE, UiProblem.of(error));
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.sendError(error.getStatusCode().value());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** Adds the refusal a page request met to the error page's model. */
    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                Object problem = request.getAttribute(PROBLEM_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (problem != null) {
                    attributes.put(PROBLEM_ATTRIBUTE, problem);
                }
                return attributes;
            }
        };
    }

    /** The API, webhooks, actuator and OpenAPI: paths no page lives under. */
    static boolean machinePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String machinePath : MACHINE_PATHS) { // asked on every request (PageResourceUrls): no stream
            if (path.startsWith(machinePath)) {
                return true;
            }
        }
        return false;
    }

    /** A browser navigating: it names text/html explicitly (API clients send JSON or nothing, or * / *). */
    static boolean wantsPage(HttpServletRequest request) {
        if (machinePath(request)) {
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
