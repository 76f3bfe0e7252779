package dev.maintenancedesk.web;

import dev.maintenancedesk.accounts.Role;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user's name, so the layout can hide navigation and the logout form
 * on pages seen before login (the login page, error pages of anonymous visitors). Thymeleaf 3.1 no
 * longer exposes the request to templates, hence a model attribute.
 */
@ControllerAdvice
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

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
