package dev.maintenancedesk.web;

import dev.maintenancedesk.problem.DeskProblem;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.RequirementsUnmet;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.springframework.web.ErrorResponse;

/**
 * A refusal (a {@link DeskProblem}, or one of Spring MVC's) as a page shows it: the status picks a
 * translated headline ({@code problem.<status>}), a 422 lists the unmet requirement keys
 * ({@code requirement.<key>}), a 400 lists the fields at fault, each with a message code the page
 * translates ({@code field.<code>}) and the English message as a fall-back. Serializable: it travels as a
 * flash attribute in the stored session.
 */
public record UiProblem(int status, String type, String detail, List<String> missing, List<FieldProblem> errors,
        Long ticket, String target, String code, List<Serializable> args) implements Serializable {

    public UiProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** One field at fault; {@code code} and {@code args} translate it, {@code message} is the API's English. */
    public record FieldProblem(String field, String message, String code, List<Serializable> args)
            implements Serializable {

        public FieldProblem {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A field at fault the page describes itself (its {@code message} may be null). */
        public FieldProblem(String field, String message) {
            this(field, message, null, List.of());
        }

        static FieldProblem of(FieldError error) {
            return new FieldProblem(error.field(), error.message(), error.code(), serializable(error.args()));
        }

        /** The bundle key of this error's translation, or null when it has none. */
        public String key() {
            return code == null ? null : "field." + code;
        }
    }

    public static UiProblem of(ErrorResponse error) {
        return of(error, null, null);
    }

    /** {@code ticket} and {@code target} say what the refusal is about (e.g. a board card and a state). */
    public static UiProblem of(ErrorResponse error, Long ticket, String target) {
        ErrorResponse known = error instanceof Throwable thrown ? RequestRefusals.of(thrown) : null;
        ErrorResponse refusal = known == null ? error : known;
        List<String> missing = refusal instanceof RequirementsUnmet unmet ? unmet.missing() : missingOf(refusal);
        List<FieldProblem> errors = refusal instanceof InvalidInput invalid
                ? invalid.errors().stream().map(FieldProblem::of).toList() : List.of();
        String type = refusal.getBody().getType() == null ? null : refusal.getBody().getType().toString();
        String code = refusal instanceof DeskProblem problem ? problem.code() : null;
        List<Serializable> args = refusal instanceof DeskProblem problem ? serializable(problem.args()) : List.of();
        return new UiProblem(refusal.getStatusCode().value(), type, refusal.getBody().getDetail(), missing, errors,
                ticket, target, code, args);
    }

    /** A refusal the page itself finds (e.g. a required field left blank), before asking a module. */
    public static UiProblem invalid(List<FieldProblem> errors) {
        return new UiProblem(400, null, null, List.of(), List.copyOf(errors), null, null, null, List.of());
    }

    /** Whether this field is at fault. */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** The module's message for a field at fault, or null (then the page says it in the user's language). */
    public String errorFor(String field) {
        FieldProblem problem = problemFor(field);
        return problem == null ? null : problem.message();
    }

    /** The first error of this field, with its code for the page's translation, or null. */
    public FieldProblem problemFor(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).findFirst().orElse(null);
    }

    /** The bundle key of the refusal's own translation ({@code problem.<code>}), or null. */
    public String key() {
        return code == null ? null : "problem." + code;
    }

    /** Someone else changed the ticket since the page was read. */
    public boolean stale() {
        return status == 409 && type != null && type.endsWith("stale-version");
    }

    /**
     * Until every module throws {@link RequirementsUnmet}, a plain problem's {@code missing} keys (strings,
     * as RFC 9457 properties) are read too, so that a gate refusal keeps listing what is missing.
     */
    private static List<String> missingOf(ErrorResponse refusal) {
        Map<String, Object> properties = refusal.getBody().getProperties();
        return properties != null && properties.get("missing") instanceof List<?> keys
                ? keys.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<Serializable> serializable(List<Object> values) {
        return values.stream().map(a -> a instanceof Serializable s ? s : String.valueOf(a)).toList();
    }
}
