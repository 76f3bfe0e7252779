package dev.maintenancedesk.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions. A session keeps the authorities it was opened with, so after a role
 * change or a disable the only way to make it take effect now is to end the sessions.
 */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    void endAllOf(String username) {
        endAllOf(username, null);
    }

    /** Ends every session of the user but {@code keep} (the session making the change), if given. */
    void endAllOf(String username, String keep) {
        repository.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep))
                .forEach(repository::deleteById);
    }
}
