package dev.maintenancedesk.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 409: the request is well formed but the current state refuses it: a stale version, a move that
 * does not exist from here, a duplicate. {@code properties} add what a client needs to recover
 * (the current version, the allowed moves).
 */
public final class Conflict extends DeskProblem {

    public Conflict(String code, String detail, Map<String, Object> properties, Object... args) {
        super(HttpStatus.CONFLICT, code, List.of(args), detail, properties);
    }

    public Conflict(String code, String detail, Object... args) {
        this(code, detail, Map.of(), args);
    }
}
