package dev.maintenancedesk.tickets;

import tools.jackson.databind.json.JsonMapper;

/** How a link is kept in a history entry: a small JSON object, read back as a {@link TicketLink}. */
final class LinkText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LinkText() {}

    static String format(TicketLink link) {
        return link == null ? null : JSON.writeValueAsString(link);
    }

    static TicketLink parse(String text) {
        return text == null ? null : JSON.readValue(text, TicketLink.class);
    }
}
