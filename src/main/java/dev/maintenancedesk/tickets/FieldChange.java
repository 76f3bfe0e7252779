package dev.maintenancedesk.tickets;

/** One field of a ticket changed by one operation; becomes one history entry. */
record FieldChange(String field, String before, String after) {

    static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(field, before == null ? null : before.toString(), after == null ? null : after.toString());
    }
}
