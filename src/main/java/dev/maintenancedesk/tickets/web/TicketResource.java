package dev.maintenancedesk.tickets.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.maintenancedesk.tickets.TicketFacet;
import dev.maintenancedesk.tickets.TicketView;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ticket as the API answers it: its own fields plus the facets other modules add (e.g. {@code sla}). */
final class TicketResource {

    private final TicketView ticket;
    private final Map<String, Object> facets;

    private TicketResource(TicketView ticket, Map<String, Object> facets) {
        this.ticket = ticket;
        this.facets = facets;
    }

    static TicketResource of(TicketView ticket, Iterable<TicketFacet> facets) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (TicketFacet facet : facets) {
            Object value = facet.of(ticket);
            if (value != null) {
                values.put(facet.name(), value);
            }
        }
        return new TicketResource(ticket, values);
    }

    @JsonUnwrapped
    public TicketView getTicket() {
        return ticket;
    }

    @JsonAnyGetter
    public Map<String, Object> getFacets() {
        return facets;
    }
}
