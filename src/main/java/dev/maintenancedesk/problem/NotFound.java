package dev.maintenancedesk.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 404: the thing asked for does not exist (or the asker may not know it does). */
public final class NotFound extends DeskProblem {

    public NotFound(String code, String detail, Object... args) {
        super(HttpStatus.NOT_FOUND, code, List.of(args), detail, Map.of());
    }
}
