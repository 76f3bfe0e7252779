package dev.maintenancedesk.watch;

/**
 * A package the product depends on, read from one of its dependency files: the exact version when the file
 * pins one, else {@code version} is null and {@code requirement} says what the file allows (e.g.
 * {@code >=4.2,<5}).
 */
public record Dependency(String file, Ecosystem ecosystem, String name, String version, String requirement) {

    /** What the product uses: the pinned version, else the requirement. */
    public String usedVersion() {
        return version != null ? version : requirement;
    }
}
