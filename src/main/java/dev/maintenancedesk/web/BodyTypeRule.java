package dev.maintenancedesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A body whose Content-Type is a wildcard ({@code *}{@code /*}) or unreadable says nothing of how to read
 * it: 415. Left to Spring MVC, such a header fails an assertion deep in the body reading (a 500).
 */
final class BodyTypeRule implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("Content-Type '" + header.replaceAll("[^ -~]", "?")
                    + "' is not a media type", List.of(MediaType.APPLICATION_JSON));
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                    HttpMethod.valueOf(request.getMethod()));
        }
        return true;
    }
}
