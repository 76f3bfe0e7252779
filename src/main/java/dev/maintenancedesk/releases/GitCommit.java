package dev.maintenancedesk.releases;

import java.time.Instant;

/** A commit of the history with its parsed message; {@code merge} when it has several parents. */
public record GitCommit(String id, String shortId, Instant time, boolean merge, CommitMessage message) {

    public String subject() {
        return message.subject();
    }
}
