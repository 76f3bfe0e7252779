package dev.maintenancedesk.web.account;

import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security (in the accounts module) handles the POST. */
@Controller
class LoginController {

    private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

    @GetMapping("/login")
    String login(Authentication authentication) {
        return trust.isAuthenticated(authentication) ? "redirect:/" : "login";
    }
}
