package dev.maintenancedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, narrowed by the literal beginning of each mapping's paths. For a path with a
 * variable ({@code /api/v1/tickets/42}) Spring asks every mapping of the application whether it matches —
 * method, parameters, headers, media types (each read through the filters' request wrappers), then the
 * patterns — 5–6 % of the server's CPU under the mixed API load (docs/benchmarks.md). A mapping none of whose
 * patterns begins like the path cannot match: it is now passed over with a string comparison. Which mapping
 * answers, and the 404/405/406/415 of no match, are Spring's own (only the candidates are fewer).
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new ByLiteralPrefix();
    }

    /** The characters up to the first variable or wildcard of a path pattern: what any matching path starts with. */
    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    static final class ByLiteralPrefix extends RequestMappingHandlerMapping {

        /** The path of the lookup under way on this thread, when it can be compared with literal prefixes. */
        private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

        private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            // Patterns match decoded segments without their ;parameters: a path with either is left to Spring alone.
            if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            LOOKUP_PATH.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP_PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP_PATH.get();
            if (path != null && !startsWithAny(path, prefixes.computeIfAbsent(info, ByLiteralPrefix::prefixesOf))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsWithAny(String path, String[] prefixes) {
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private static String[] prefixesOf(RequestMappingInfo info) {
            Set<String> patterns = info.getPatternValues();
            // no pattern: the mapping's own condition decides, for any path
            return patterns.isEmpty() ? new String[] {""}
                    : patterns.stream().map(HandlerLookup::literalPrefix).toArray(String[]::new);
        }
    }
}
