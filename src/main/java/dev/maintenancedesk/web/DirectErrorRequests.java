package dev.maintenancedesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code /error} is where the servlet container forwards a failed request, with its status as a request
 * attribute; asked for directly it has no error to show (Boot would answer 500 with status 999). To a
 * visitor it is a page that does not exist.
 */
final class DirectErrorRequests implements HandlerInterceptor {

    static final String PATH = "/error";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws NoResourceFoundException {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(), PATH);
        }
        return true;
    }
}
