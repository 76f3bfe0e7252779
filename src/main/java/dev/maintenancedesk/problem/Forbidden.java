package dev.maintenancedesk.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 403: the actor's role does not allow this. */
public final class Forbidden extends DeskProblem {

    public Forbidden(String code, String detail, Object... args) {
        super(HttpStatus.FORBIDDEN, code, List.of(args), detail, Map.of());
    }
}
