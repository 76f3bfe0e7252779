package dev.maintenancedesk.web;

import dev.maintenancedesk.problem.FieldError;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that breaks a {@link dev.maintenancedesk.problem.TextRules} rule. A Jackson exception on
 * purpose: Jackson adds the path of the value ({@code labels[0]}) as it unwinds, which names the field.
 */
final class UnsafeText extends MismatchedInputException {

    private final transient FieldError rule;

    UnsafeText(JsonParser parser, FieldError rule) {
        super(parser, rule.message(), String.class);
        this.rule = rule;
    }

    /** The broken rule: its code, arguments and English message (the field is Jackson's path). */
    FieldError rule() {
        return rule;
    }
}
