package dev.maintenancedesk.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 422: a gate of the plan is not met yet; {@code missing} lists every unmet requirement key
 * (translated in the UI as {@code requirement.<key>}).
 */
public final class RequirementsUnmet extends DeskProblem {

    private final List<String> missing;

    public RequirementsUnmet(String code, String detail, List<String> missing, Map<String, Object> properties) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, List.of(), detail, with(properties, missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }

    private static Map<String, Object> with(Map<String, Object> properties, List<String> missing) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("missing", List.copyOf(missing));
        return all;
    }
}
