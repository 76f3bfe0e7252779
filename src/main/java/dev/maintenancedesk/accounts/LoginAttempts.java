package dev.maintenancedesk.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Feeds password-login outcomes to {@link Users} so that guessing gets paused. Only the form login
 * publishes these events; API tokens are 256-bit random values and need no such brake.
 */
@Component
class LoginAttempts {

    private final Users users;

    LoginAttempts(Users users) {
        this.users = users;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            users.recordFailedLogin(attempt.getName());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
