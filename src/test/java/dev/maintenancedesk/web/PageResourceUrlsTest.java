package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Pages get their resource links versioned; machine calls pass through unwrapped. */
class PageResourceUrlsTest {

    @Test
    void wrapsPagesOnly() throws Exception {
        assertThat(passedOn("/tickets")).isNotInstanceOf(MockHttpServletRequest.class);
        assertThat(passedOn("/")).isNotInstanceOf(MockHttpServletRequest.class);
        assertThat(passedOn("/apiary")).isNotInstanceOf(MockHttpServletRequest.class);
        assertThat(passedOn("/api/v1/tickets")).isInstanceOf(MockHttpServletRequest.class);
        assertThat(passedOn("/webhooks/github")).isInstanceOf(MockHttpServletRequest.class);
        assertThat(passedOn("/actuator/prometheus")).isInstanceOf(MockHttpServletRequest.class);
        assertThat(passedOn("/v3/api-docs")).isInstanceOf(MockHttpServletRequest.class);
    }

    private static ServletRequest passedOn(String uri) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        new PageResourceUrls.PagesOnly().doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(),
                (request, response) -> seen.set(request));
        return seen.get();
    }
}
