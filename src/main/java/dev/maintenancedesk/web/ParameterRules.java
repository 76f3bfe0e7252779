package dev.maintenancedesk.web;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.TextRules;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The rules every request parameter obeys, query filters and form fields alike, checked once before
 * any handler: each value passes the text rules (a NUL would reach PostgreSQL, which refuses it), and a
 * parameter the handler takes as one value is given once ({@code ?priority=P1&priority=P2} is a question, not
 * a filter). Refusals go through the exception handlers, so the API answers problem+json and a browser
 * an error page.
 */
final class ParameterRules implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // the error page of a refused request sees the same parameters again
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            FieldError badName = TextRules.problem(null, name, 0);
            if (badName != null) {
                errors.add(badName);
                continue;
            }
            for (String value : parameter.getValue()) {
                FieldError bad = TextRules.problem(name, value, 0);
                if (bad != null) {
                    errors.add(bad);
                    break;
                }
            }
        }
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                String name = singleValued(parameter);
                String[] values = name == null ? null : request.getParameterValues(name);
                if (values != null && values.length > 1) {
                    errors.add(FieldError.of(name, "one-value", "give one value (it was given " + values.length
                            + " times)", values.length));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return true;
    }

    /** The name of a {@code @RequestParam} that takes one value, or null. */
    private static String singleValued(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        if (annotation == null || type.isArray() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type)) {
            return null;
        }
        String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
        return name == null || name.isEmpty() ? null : name;
    }
}
