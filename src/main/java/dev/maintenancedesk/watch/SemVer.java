package dev.maintenancedesk.watch;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version (npm's packages), ordered by the specification's precedence (§11): numeric
 * major, minor, patch; a pre-release sorts before its release, its identifiers compared one by one (numeric
 * ones numerically and below alphanumeric ones, a longer list higher); build metadata is ignored.
 */
record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease)
        implements Comparable<SemVer> {

    private static final Pattern FORM = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
                    + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    static Optional<SemVer> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : Arrays.asList(m.group(4).split("\\."));
        if (pre.stream().anyMatch(p -> p.length() > 1 && p.startsWith("0") && p.chars().allMatch(Character::isDigit))) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), List.copyOf(pre)));
    }

    static SemVer parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a semantic version: " + text));
    }

    @Override
    public int compareTo(SemVer o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            String a = prerelease.get(i);
            String b = o.prerelease.get(i);
            boolean an = a.chars().allMatch(Character::isDigit);
            boolean bn = b.chars().allMatch(Character::isDigit);
            int d = an && bn ? new BigInteger(a).compareTo(new BigInteger(b)) : an ? -1 : bn ? 1 : a.compareTo(b);
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }
}
