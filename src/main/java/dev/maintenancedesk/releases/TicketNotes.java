package dev.maintenancedesk.releases;

import java.util.Optional;

/**
 * What release notes know of the tickets commits reference: from the tickets module on the server,
 * nothing from git alone (the CLI).
 */
@FunctionalInterface
public interface TicketNotes {

    TicketNotes NONE = number -> Optional.empty();

    /** The ticket's title and release-note line (null when it has none), if the ticket exists. */
    Optional<TicketNote> find(long number);

    record TicketNote(long number, String title, String releaseNote) {}
}
