package dev.maintenancedesk.watch;

import java.util.List;

/** What one fetch of a source brought: its items and advisories, and the validators for the next conditional GET. */
record Batch(List<Item> items, List<Advisory> advisories, String etag, String lastModified, boolean notModified) {

    static Batch unchanged(String etag, String lastModified) {
        return new Batch(List.of(), List.of(), etag, lastModified, true);
    }
}
