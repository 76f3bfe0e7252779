package dev.maintenancedesk.watch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 versions and version specifiers, as the Python Packaging Authority's {@code packaging} library reads
 * them (no Java library does): epochs, pre-, post- and development releases, local versions, normalisation
 * ({@code 1.0-ALPHA.1} is {@code 1.0a1}), and the operators {@code ~= == != <= >= < > ===} with prefix matching
 * ({@code == 1.2.*}) and the rules on pre-, post-release and local versions of the exclusive comparisons.
 */
final class Pep440 {

    private Pep440() {
    }

    private static final Pattern VERSION = Pattern.compile("""
            v?
            (?:(?<epoch>[0-9]+)!)?
            (?<release>[0-9]+(?:\\.[0-9]+)*)
            (?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?
            (?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?
            (?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?""",
            Pattern.COMMENTS | Pattern.CASE_INSENSITIVE);

    /** A parsed version; {@code pre} is null or {a|b|rc, n}; post/dev null when absent; local null or its parts. */
    record Version(BigInteger epoch, List<BigInteger> release, String preLetter, BigInteger pre, BigInteger post,
            BigInteger dev, List<String> local) implements Comparable<Version> {

        static Version parse(String text) {
            return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a PEP 440 version: " + text));
        }

        static Optional<Version> tryParse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(text.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
            List<BigInteger> release = Arrays.stream(m.group("release").split("\\.")).map(BigInteger::new).toList();
            String letter = null;
            BigInteger pre = null;
            if (m.group("pre") != null) {
                letter = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
                    case "alpha", "a" -> "a";
                    case "beta", "b" -> "b";
                    default -> "rc";
                };
                pre = number(m.group("pren"));
            }
            BigInteger post = null;
            if (m.group("post") != null) {
                post = m.group("postn1") != null ? new BigInteger(m.group("postn1")) : number(m.group("postn2"));
            }
            BigInteger dev = m.group("dev") == null ? null : number(m.group("devn"));
            List<String> local = m.group("local") == null ? null
                    : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
            return Optional.of(new Version(epoch, release, letter, pre, post, dev, local));
        }

        private static BigInteger number(String digits) {
            return digits == null ? BigInteger.ZERO : new BigInteger(digits);
        }

        boolean isPrerelease() {
            return pre != null || dev != null;
        }

        boolean isPostrelease() {
            return post != null;
        }

        /** The version without its local part. */
        Version publicVersion() {
            return new Version(epoch, release, preLetter, pre, post, dev, null);
        }

        /** Epoch and release only. */
        Version baseVersion() {
            return new Version(epoch, release, null, null, null, null, null);
        }

        @Override
        public int compareTo(Version o) {
            int c = epoch.compareTo(o.epoch);
            if (c != 0) {
                return c;
            }
            c = compareRelease(release, o.release);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(preRank(), o.preRank());
            if (c != 0) {
                return c;
            }
            if (pre != null && o.pre != null) {
                c = preLetter.compareTo(o.preLetter); // a < b < rc
                if (c != 0) {
                    return c;
                }
                c = pre.compareTo(o.pre);
                if (c != 0) {
                    return c;
                }
            }
            c = compareAbsentLow(post, o.post);
            if (c != 0) {
                return c;
            }
            c = compareAbsentHigh(dev, o.dev);
            if (c != 0) {
                return c;
            }
            return compareLocal(local, o.local);
        }

        /** A development release without pre- or post-release sorts before every pre-release of its release. */
        private int preRank() {
            if (pre == null && post == null && dev != null) {
                return 0;
            }
            return pre == null ? 2 : 1;
        }

        private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
                BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private static int compareAbsentLow(BigInteger a, BigInteger b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            return a.compareTo(b);
        }

        private static int compareAbsentHigh(BigInteger a, BigInteger b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return a.compareTo(b);
        }

        /** No local part sorts first; numeric parts sort after alphanumeric ones; a longer local sorts later. */
        private static int compareLocal(List<String> a, List<String> b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String x = a.get(i);
                String y = b.get(i);
                boolean xn = x.chars().allMatch(Character::isDigit);
                boolean yn = y.chars().allMatch(Character::isDigit);
                int c = xn && yn ? new BigInteger(x).compareTo(new BigInteger(y))
                        : xn ? 1 : yn ? -1 : x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Version v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            List<BigInteger> r = new ArrayList<>(release);
            while (r.size() > 1 && r.getLast().signum() == 0) {
                r.removeLast();
            }
            return java.util.Objects.hash(epoch, r, preLetter, pre, post, dev, local);
        }

        /** The normalised form: {@code 1!2.0a1.post3.dev4+ubuntu.1}. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (epoch.signum() != 0) {
                s.append(epoch).append('!');
            }
            s.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
            if (pre != null) {
                s.append(preLetter).append(pre);
            }
            if (post != null) {
                s.append(".post").append(post);
            }
            if (dev != null) {
                s.append(".dev").append(dev);
            }
            if (local != null) {
                s.append('+').append(String.join(".", local));
            }
            return s.toString();
        }
    }

    private static final Pattern SPECIFIER = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+?)\\s*");

    /** One clause such as {@code >=4.2} or {@code ==4.2.*}. */
    record Specifier(String operator, String version) {

        static Specifier parse(String text) {
            Matcher m = SPECIFIER.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a version specifier: " + text.strip());
            }
            Specifier s = new Specifier(m.group(1), m.group(2));
            if (!s.operator.equals("===")) {
                String v = s.wildcard() ? s.version.substring(0, s.version.length() - 2) : s.version;
                if (s.wildcard() && !(s.operator.equals("==") || s.operator.equals("!="))) {
                    throw new IllegalArgumentException("a .* prefix is only allowed with == and !=: " + text.strip());
                }
                Version parsed = Version.tryParse(v)
                        .orElseThrow(() -> new IllegalArgumentException("not a PEP 440 version: " + v));
                if (s.operator.equals("~=") && (parsed.release().size() < 2 || parsed.local() != null)) {
                    throw new IllegalArgumentException("~= needs a release of at least two parts: " + text.strip());
                }
                if (parsed.local() != null && !(s.operator.equals("==") || s.operator.equals("!="))) {
                    throw new IllegalArgumentException("a local version is only allowed with == and !=: " + text.strip());
                }
            }
            return s;
        }

        boolean wildcard() {
            return version.endsWith(".*");
        }

        /** Whether the specifier itself names a pre-release (which then admits pre-releases). */
        boolean namesPrerelease() {
            if (operator.equals("===") || operator.equals("!=")) {
                return false;
            }
            String v = wildcard() ? version.substring(0, version.length() - 2) : version;
            return Version.tryParse(v).map(Version::isPrerelease).orElse(false);
        }

        boolean admits(Version candidate, String candidateText) {
            if (operator.equals("===")) {
                return candidateText.strip().equalsIgnoreCase(version);
            }
            if (wildcard()) {
                boolean prefix = prefixMatch(candidate, Version.parse(version.substring(0, version.length() - 2)));
                return operator.equals("==") == prefix;
            }
            Version spec = Version.parse(version);
            return switch (operator) {
                case "==" -> equal(candidate, spec);
                case "!=" -> !equal(candidate, spec);
                case "<=" -> candidate.publicVersion().compareTo(spec) <= 0;
                case ">=" -> candidate.publicVersion().compareTo(spec) >= 0;
                case "<" -> candidate.compareTo(spec) < 0
                        && !(!spec.isPrerelease() && candidate.isPrerelease()
                                && candidate.baseVersion().equals(spec.baseVersion()));
                case ">" -> candidate.compareTo(spec) > 0
                        && !(!spec.isPostrelease() && candidate.isPostrelease()
                                && candidate.baseVersion().equals(spec.baseVersion()))
                        && !(candidate.local() != null && candidate.baseVersion().equals(spec.baseVersion()));
                case "~=" -> {
                    List<BigInteger> prefix = spec.release().subList(0, spec.release().size() - 1);
                    Version stem = new Version(spec.epoch(), prefix, null, null, null, null, null);
                    yield candidate.publicVersion().compareTo(spec) >= 0 && prefixMatch(candidate, stem);
                }
                default -> throw new IllegalStateException(operator);
            };
        }

        /** {@code ==V} ignores the candidate's local part when V has none. */
        private static boolean equal(Version candidate, Version spec) {
            return (spec.local() == null ? candidate.publicVersion() : candidate).compareTo(spec) == 0;
        }

        /** {@code ==1.2.*}: the candidate's release, padded with zeros, starts with the prefix's (epochs equal). */
        private static boolean prefixMatch(Version candidate, Version prefix) {
            if (!candidate.epoch().equals(prefix.epoch())) {
                return false;
            }
            List<BigInteger> release = new ArrayList<>(candidate.release());
            while (release.size() < prefix.release().size()) {
                release.add(BigInteger.ZERO);
            }
            if (!release.subList(0, prefix.release().size()).equals(prefix.release())) {
                return false;
            }
            // a prefix naming a pre-release (==1.0rc1.*) is not used by requirement files; compare what there is
            return prefix.pre() == null || (prefix.pre().equals(candidate.pre())
                    && prefix.preLetter().equals(candidate.preLetter()));
        }

        @Override
        public String toString() {
            return operator + version;
        }
    }

    /** A comma-separated set of specifiers (all must hold), as in {@code Django>=4.2,!=4.2.1,<5}. */
    record SpecifierSet(List<Specifier> specifiers) {

        static SpecifierSet parse(String text) {
            if (text == null || text.isBlank()) {
                return new SpecifierSet(List.of());
            }
            return new SpecifierSet(Arrays.stream(text.split(",")).map(Specifier::parse).toList());
        }

        /**
         * Whether the version is admitted. Pre-releases are admitted only when asked for, or when a specifier
         * names one (packaging's rule); a version that is not PEP 440 is admitted only by {@code ===}.
         */
        boolean contains(String text, boolean prereleases) {
            Optional<Version> parsed = Version.tryParse(text);
            if (parsed.isEmpty()) {
                return !specifiers.isEmpty() && specifiers.stream().allMatch(s -> s.operator().equals("===")
                        && s.version().equalsIgnoreCase(text.strip()));
            }
            Version v = parsed.get();
            boolean pre = prereleases || specifiers.stream().anyMatch(Specifier::namesPrerelease);
            if (v.isPrerelease() && !pre) {
                return false;
            }
            return specifiers.stream().allMatch(s -> s.admits(v, text));
        }

        /** The one version this set pins ({@code ==X} without a wildcard, or {@code ===X}), if it pins one. */
        Optional<String> pinned() {
            return specifiers.stream().filter(s -> (s.operator().equals("==") && !s.wildcard())
                    || s.operator().equals("===")).map(Specifier::version).findFirst();
        }

        @Override
        public String toString() {
            return String.join(",", specifiers.stream().map(Specifier::toString).toList());
        }
    }
}
