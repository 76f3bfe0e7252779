package dev.maintenancedesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's filter that gives pages the content-versioned addresses of their style sheets and scripts, for
 * pages only. Spring Boot puts it in front of every request (the resource chain is on because of the
 * webjars locator); on the API it wrapped each request and response for links no JSON answer holds, one more
 * layer every header and attribute access below goes through.
 */
@Configuration(proxyBeanMethods = false)
class PageResourceUrls {

    /** Replaces Spring Boot's registration of the filter (it backs off when one exists). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class PagesOnly extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // no page lives there, so no answer links to a versioned resource
            if (request instanceof HttpServletRequest http && BrowserErrorPages.machinePath(http)) {
                chain.doFilter(request, response);
                return;
            }
            super.doFilter(request, response, chain);
        }
    }
}
