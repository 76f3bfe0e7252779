package dev.maintenancedesk.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions. A session keeps the authorities it was opened with, so after a role
 * change or a disable the only way to make it take effect now is to end the sessions. For the same
 * reason the owners of the user's API tokens that this instance cached ({@link TokenCache}) are forgotten.
 */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final TokenCache tokens;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository, TokenCache tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    void endAllOf(String username) {
        endAllOf(username, null);
    }

    /** Ends every session of the user but {@code keep} (the session making the change), if given. */
    void endAllOf(String username, String keep) {
        tokens.forgetUser(username);
        repository.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep))
                .forEach(repository::deleteById);
    }
}
