package dev.maintenancedesk.plan;

import java.util.List;

/** Technology watch (section 12): sources, and how often they are consolidated into a labelled ticket. */
public record Watch(List<Source> sources, Frequency consolidation, String label) {

    /** {@code url} is a feed (RSS/Atom) or the OSV API for {@code packages} ("ECOSYSTEM:name"). */
    public record Source(String key, String name, Kind kind, String url, List<String> packages) {}

    public enum Kind { FEED, OSV }
}
