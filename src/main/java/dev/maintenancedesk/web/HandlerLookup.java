package dev.maintenancedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, with an index of the mappings by the literal beginning of their paths. For a
 * path with a variable ({@code /api/v1/tickets/42}) Spring asks every mapping of the application whether it
 * matches — method, parameters, headers, media types, then patterns — 5–6 % of the server's CPU under the
 * mixed API load (docs/benchmarks.md). Here only the mappings whose literal beginning the path starts with are
 * asked; when exactly one of them matches, it is the answer (Spring would have found it alone too). Anything
 * else — no match (404, 405, 406, 415), several (Spring ranks them), a CORS pre-flight, a path with escapes
 * or ;parameters — is Spring's own lookup.
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

        /** Built on the first lookup after a change of the mappings. */
        private volatile Index index;

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            // Patterns match decoded segments without their ;parameters: such a path is left to Spring alone.
            if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            Index current = index;
            if (current == null) {
                current = new Index(getHandlerMethods());
                index = current;
            }
            Candidate found = null;
            RequestMappingInfo matched = null;
            for (int slash = lookupPath.indexOf('/'); slash >= 0; slash = lookupPath.indexOf('/', slash + 1)) {
                for (Candidate candidate : current.under(lookupPath, slash)) {
                    if (!lookupPath.startsWith(candidate.prefix())) {
                        continue;
                    }
                    RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                    if (match != null) {
                        if (found != null && found.handler() != candidate.handler()) {
                            return super.lookupHandlerMethod(lookupPath, request);
                        }
                        found = candidate;
                        matched = match;
                    }
                }
            }
            if (found == null) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            // what Spring does with its best match
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler());
            handleMatch(matched, lookupPath, request);
            return found.handler();
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            index = null;
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            index = null;
        }
    }

    /** A mapping, the literal beginning of one of its patterns, and its handler. */
    record Candidate(String prefix, RequestMappingInfo info, HandlerMethod handler) {}

    /** The mappings by the part of their literal beginning up to its last slash. */
    static final class Index {

        private final Map<String, List<Candidate>> bySlashPrefix = new HashMap<>();

        Index(Map<RequestMappingInfo, HandlerMethod> mappings) {
            mappings.forEach((info, handler) -> {
                // no pattern: the mapping's own condition decides, for any path
                List<String> patterns = info.getPatternValues().isEmpty() ? List.of("") : List.copyOf(info.getPatternValues());
                for (String pattern : patterns) {
                    String prefix = literalPrefix(pattern);
                    String key = prefix.substring(0, prefix.lastIndexOf('/') + 1);
                    bySlashPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(prefix, info, handler));
                }
            });
            // a pattern without a slash (or none) could match any path
            List<Candidate> anywhere = bySlashPrefix.remove("");
            if (anywhere != null) {
                bySlashPrefix.computeIfAbsent("/", k -> new ArrayList<>()).addAll(anywhere);
            }
        }

        /** The candidates keyed by the path's beginning up to and including its slash at {@code slash}. */
        List<Candidate> under(String path, int slash) {
            List<Candidate> candidates = bySlashPrefix.get(path.substring(0, slash + 1));
            return candidates == null ? List.of() : candidates;
        }
    }
}
