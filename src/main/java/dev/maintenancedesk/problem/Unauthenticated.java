package dev.maintenancedesk.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 401: the request carries no valid credentials (none, an unknown token, a session that ended). */
public final class Unauthenticated extends DeskProblem {

    public Unauthenticated(String code, String detail) {
        super(HttpStatus.UNAUTHORIZED, code, List.of(), detail, Map.of());
    }
}
