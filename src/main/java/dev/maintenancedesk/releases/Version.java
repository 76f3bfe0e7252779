package dev.maintenancedesk.releases;

import java.util.Optional;

/** A release version {@code MAJOR.MINOR.PATCH}, read from tags {@code vX.Y.Z} or {@code X.Y.Z}. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    public static final Version ZERO = new Version(0, 0, 0);

    /** The version a tag name stands for; empty for anything but {@code [v]X.Y.Z} (pre-releases included). */
    public static Optional<Version> fromTag(String tag) {
        String s = tag.startsWith("v") ? tag.substring(1) : tag;
        int[] parts = new int[3];
        int part = 0;
        int i = 0;
        int n = s.length();
        while (part < 3) {
            int start = i;
            long value = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 9) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || i - start > 1 && s.charAt(start) == '0') {
                return Optional.empty();
            }
            parts[part++] = (int) value;
            if (part < 3) {
                if (i >= n || s.charAt(i) != '.') {
                    return Optional.empty();
                }
                i++;
            }
        }
        return i == n ? Optional.of(new Version(parts[0], parts[1], parts[2])) : Optional.empty();
    }

    public static Version parse(String text) {
        return fromTag(text).orElseThrow(() -> new ReleaseInputException("\"" + text + "\" is not a version X.Y.Z"));
    }

    public Version bump(Bump bump) {
        return switch (bump) {
            case MAJOR -> new Version(major + 1, 0, 0);
            case MINOR -> new Version(major, minor + 1, 0);
            case PATCH -> new Version(major, minor, patch + 1);
            case NONE -> this;
        };
    }

    /** Whether this release is a MINOR or MAJOR one (patch 0, and not 0.0.0). */
    public boolean isMinorOrMajor() {
        return patch == 0 && (major > 0 || minor > 0);
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
