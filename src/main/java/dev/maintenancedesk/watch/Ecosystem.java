package dev.maintenancedesk.watch;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * The package ecosystems whose versions the watch compares, each with its own ordering: PEP 440 for PyPI,
 * Semantic Versioning for npm, Maven's {@link ComparableVersion} for Maven. Names as OSV spells them.
 */
public enum Ecosystem {
    PYPI("PyPI"), NPM("npm"), MAVEN("Maven");

    private final String osvName;

    Ecosystem(String osvName) {
        this.osvName = osvName;
    }

    public String osvName() {
        return osvName;
    }

    static Optional<Ecosystem> of(String name) {
        for (Ecosystem e : values()) {
            if (e.osvName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether the text is a version of this ecosystem (Maven accepts any text). */
    boolean valid(String version) {
        return switch (this) {
            case PYPI -> Pep440.Version.tryParse(version).isPresent();
            case NPM -> SemVer.tryParse(version).isPresent();
            case MAVEN -> version != null && !version.isBlank();
        };
    }

    /** Orders two valid versions of this ecosystem ({@code "0"} of OSV's "introduced" is the lowest). */
    int compare(String a, String b) {
        return switch (this) {
            case PYPI -> Pep440.Version.parse(a).compareTo(Pep440.Version.parse(b));
            case NPM -> SemVer.parse(a).compareTo(SemVer.parse(b));
            case MAVEN -> new ComparableVersion(a).compareTo(new ComparableVersion(b));
        };
    }

    Comparator<String> order() {
        return this::compare;
    }

    /** A package name as the ecosystem compares names: PyPI's normalisation (PEP 503), others as written. */
    String normalize(String name) {
        String n = name.strip();
        return this == PYPI ? n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-") : n;
    }
}
