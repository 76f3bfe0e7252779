package dev.maintenancedesk.web;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every string of every JSON body passes the text rules (no NUL, no control character, no lone
 * surrogate) as it is read, so no module can forget them and PostgreSQL never sees a NUL byte. Lengths
 * stay with the fields that have them.
 */
final class CheckedTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        FieldError broken = TextRules.problem(null, value, 0);
        if (broken != null) {
            throw new UnsafeText(parser, broken);
        }
        return value;
    }
}
