package dev.maintenancedesk.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * Where a chronology learns of deployments around an incident. The desk records none yet: when a module
 * does (a CI webhook, a release publication), it provides a bean of this type and its deployments appear
 * in the pre-filled chronologies with source DEPLOYMENT. Without one, no deployment line is shown.
 */
public interface Deployments {

    /** The deployments in [{@code from}, {@code to}). */
    List<Deployment> between(Instant from, Instant to);

    /** {@code id}: unique and stable (it keys the line's edits); {@code what}: e.g. "v1.4.2 to production". */
    record Deployment(String id, Instant at, String what) {}
}
