package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The lookup by literal prefix chooses what Spring's own lookup chooses: the same handler method with the same
 * match (pattern, variables, media types), or the same refusal (404, 405, 406, 415), for a path made from every
 * mapped pattern, with each method and three kinds of answers, and for paths no pattern names.
 */
@DeskTest
class HandlerLookupTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping live;

    @Autowired
    ApplicationContext context;

    @Test
    void theLiteralPrefixIsWhatEveryMatchingPathStartsWith() {
        assertThat(HandlerLookup.literalPrefix("/api/v1/tickets/{number}/transitions")).isEqualTo("/api/v1/tickets/");
        assertThat(HandlerLookup.literalPrefix("/api/v1/tickets")).isEqualTo("/api/v1/tickets");
        assertThat(HandlerLookup.literalPrefix("/{dir:css|js}/**")).isEqualTo("/");
        assertThat(HandlerLookup.literalPrefix("/swagger-ui*/**")).isEqualTo("/swagger-ui");
        assertThat(HandlerLookup.literalPrefix("/a?c")).isEqualTo("/a");
        assertThat(HandlerLookup.literalPrefix("")).isEmpty();
    }

    @Test
    void aPathIsMatchedAgainstTheFewMappingsItsBeginningNames() {
        HandlerLookup.Index index = new HandlerLookup.Index(live.getHandlerMethods());
        String path = "/api/v1/tickets/42";
        List<HandlerLookup.Candidate> asked = new java.util.ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            index.under(path, slash).stream().filter(c -> path.startsWith(c.prefix())).forEach(asked::add);
        }
        assertThat(asked).extracting(c -> c.handler().getMethod().getName()).contains("get", "update");
        assertThat(asked).allSatisfy(c -> assertThat(path).startsWith(c.prefix()));
        assertThat(asked.size()).isLessThan(live.getHandlerMethods().size() / 4);
    }

    @Test
    void choosesWhatSpringsOwnLookupChooses() throws Exception {
        assertThat(live).isInstanceOf(HandlerLookup.ByLiteralPrefix.class);
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setApplicationContext(context);
        plain.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
        plain.setContentNegotiationManager(live.getContentNegotiationManager());
        plain.setPatternParser(Objects.requireNonNull(live.getPatternParser()));
        plain.afterPropertiesSet();
        assertThat(plain.getHandlerMethods().keySet()).isEqualTo(live.getHandlerMethods().keySet());

        TreeSet<String> paths = new TreeSet<>(List.of("/", "/nowhere", "/api", "/api/v1/tickets/", "/api/v1/tickets/42/nothing",
                "/api/v1/tickets/%34%32", "/api/v1/tickets;x=1/42", "/API/v1/tickets", "/css/desk.css", "/tickets/42x"));
        for (RequestMappingInfo info : live.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                paths.add(concrete(pattern));
                paths.add(concrete(pattern) + "/extra");
            }
        }
        int compared = 0;
        int found = 0;
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS")) {
                for (String accept : List.of("application/json", "text/html", "image/png")) {
                    String plainAnswer = answer(plain, path, method, accept);
                    assertThat(answer(live, path, method, accept)).as("%s %s (Accept: %s)", method, path, accept)
                            .isEqualTo(plainAnswer);
                    compared++;
                    found += plainAnswer.startsWith("handler ") ? 1 : 0;
                }
            }
        }
        // the comparison covered the application's mappings, not an empty set
        assertThat(compared).isGreaterThan(1000);
        assertThat(found).isGreaterThan(200);
    }

    /** A path the pattern matches: each variable becomes 42, a wildcard a segment or two. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}:]+:css\\|js}", "css").replaceAll("\\{\\*[^}]*}", "a/b")
                .replaceAll("\\{[^}]*}", "42").replace("**", "a/b").replace("*", "x");
    }

    private static String answer(RequestMappingHandlerMapping mapping, String path, String method, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            // the handler, and what the lookup told the rest of the request about its match
            return chain == null ? "none" : "handler " + chain.getHandler() + " pattern "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + " variables "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " produces "
                    + request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) + " best "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        } catch (Exception refused) {
            return "refused " + refused.getClass().getSimpleName();
        }
    }
}
