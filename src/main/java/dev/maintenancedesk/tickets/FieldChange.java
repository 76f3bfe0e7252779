package dev.maintenancedesk.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;

/** One field of a ticket changed by one operation, values as text (enum names, "true", labels joined by ","). */
public record FieldChange(Field field, String before, String after) {

    static FieldChange of(Field field, Object before, Object after) {
        return new FieldChange(field, before == null ? null : before.toString(), after == null ? null : after.toString());
    }
}
