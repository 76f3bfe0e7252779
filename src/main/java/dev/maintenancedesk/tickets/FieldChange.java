package dev.maintenancedesk.tickets;

/** One field of a ticket changed by one operation, values as text (enum names, "true", labels joined by ","). */
public record FieldChange(TicketField field, String before, String after) {

    static FieldChange of(TicketField field, Object before, Object after) {
        return new FieldChange(field, before == null ? null : before.toString(), after == null ? null : after.toString());
    }
}
