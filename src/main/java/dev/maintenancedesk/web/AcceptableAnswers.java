package dev.maintenancedesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * An API request whose {@code Accept} header admits no answer the handler can give is refused with 406
 * before the handler runs. Spring MVC otherwise negotiates only when it writes the answer, that is after
 * a POST has created its ticket: the client got a 406 and the change happened anyway.
 */
final class AcceptableAnswers implements HandlerInterceptor {

    /** What an API handler answers when it declares nothing else: JSON (and the YAML view of it). */
    private static final List<MediaType> API_DEFAULT = List.of(MediaType.APPLICATION_JSON,
            MediaType.valueOf("application/*+json"), MediaType.valueOf("application/yaml"));

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> producible = producible(request);
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read");
        }
        boolean answerable = wanted.stream()
                .filter(type -> type.getQualityValue() > 0)
                .anyMatch(type -> producible.stream().anyMatch(type::isCompatibleWith));
        if (!answerable) {
            throw new HttpMediaTypeNotAcceptableException(producible);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<MediaType> producible(HttpServletRequest request) {
        Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        return declared instanceof Set<?> types && !types.isEmpty() ? List.copyOf((Set<MediaType>) types) : API_DEFAULT;
    }
}
