package dev.maintenancedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes (what a page's form hands to the page it redirects to) are kept in the session, and
 * Spring MVC looks for them at every request: for an API call that also sends a session cookie, that
 * read the session from the database and then wrote its last access back. Only pages redirect with
 * flash attributes, so machine paths are left out.
 */
@Configuration(proxyBeanMethods = false)
class FlashMaps {

    /** The bean name is the one DispatcherServlet looks up; it replaces Spring MVC's own. */
    @Bean
    FlashMapManager flashMapManager() {
        SessionFlashMapManager pages = new SessionFlashMapManager();
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return BrowserErrorPages.machinePath(request) ? null : pages.retrieveAndUpdate(request, response);
            }

            @Override
            public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
                pages.saveOutputFlashMap(flashMap, request, response);
            }
        };
    }
}
