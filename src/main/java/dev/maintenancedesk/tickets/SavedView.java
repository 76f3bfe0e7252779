package dev.maintenancedesk.tickets;

/** A named view of the ticket list: its query string (without the leading {@code ?}), its owner's or shared. */
public record SavedView(long id, String owner, String name, String query, boolean shared) {

    /** Whether {@code username} may delete it: only its owner. */
    public boolean deletableBy(String username) {
        return owner.equals(username);
    }
}
