package dev.maintenancedesk.web;

import dev.maintenancedesk.accounts.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user's name, so the layout can hide navigation and the logout form
 * on pages seen before login (the login page, error pages of anonymous visitors). Thymeleaf 3.1 no
 * longer exposes the request to templates, hence a model attribute. Only for the pages (this module's
 * controllers, and Boot's error controller that renders our error pages): the API's controllers render no
 * layout, and running these methods for each of their requests cost ~5 % of the server's CPU under the
 * mixed API load (docs/benchmarks.md).
 */
@ControllerAdvice(basePackageClasses = LayoutAdvice.class, assignableTypes = ErrorController.class)
class LayoutAdvice {

    private final Viewer viewer;

    LayoutAdvice(Viewer viewer) {
        this.viewer = viewer;
    }

    /** Whether to show the administration entry of the navigation. */
    @ModelAttribute("isAdmin")
    boolean isAdmin(Principal principal) {
        return principal != null && viewer.atLeast(Role.ADMIN);
    }

    /**
     * The language links of the layout: this very page with the same query string (filters of a list,
     * page of a list…), {@code lang} replaced.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return languageLinks(request.getQueryString());
    }

    static Map<String, String> languageLinks(String query) {
        StringBuilder kept = new StringBuilder("?");
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.equals(LocaleConfiguration.PARAMETER)
                        && !part.startsWith(LocaleConfiguration.PARAMETER + "=")) {
                    kept.append(part).append('&');
                }
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : new String[] {"fr", "en"}) {
            links.put(language, kept + LocaleConfiguration.PARAMETER + "=" + language);
        }
        return links;
    }

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
