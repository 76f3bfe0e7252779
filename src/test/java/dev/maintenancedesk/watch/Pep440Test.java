package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PEP 440 ordering and specifiers, with the cases of the specification and of pypa/packaging's tests. */
class Pep440Test {

    /** The specification's own ordering example (PEP 440, "Summary of permitted suffixes and relative ordering"). */
    @Test
    void theSpecificationsOrderingExample() {
        List<String> ordered = List.of("1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");
        List<String> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(440));
        shuffled.sort(Ecosystem.PYPI.order());
        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }

    @ParameterizedTest(name = "{0} normalises to {1}")
    @CsvSource({
            "1.0-ALPHA.1, 1.0a1", "1.0.0, 1.0.0", "v1.2, 1.2", "1.0c1, 1.0rc1", "1.0-preview-2, 1.0rc2",
            "1.0-1, 1.0.post1", "1.0.rev3, 1.0.post3", "1.0-r, 1.0.post0", "1.0.DEV, 1.0.dev0",
            "2!1.0, 2!1.0", "1.0+Ubuntu-1, 1.0+ubuntu.1", "1.0beta, 1.0b0", " 1.1 , 1.1"})
    void normalisation(String written, String normal) {
        assertThat(Pep440.Version.parse(written)).hasToString(normal);
        assertThat(Ecosystem.PYPI.compare(written, normal)).isZero();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "1.0, 1!0.1", "1.0, 1.0.post1", "1.0.dev1, 1.0a1", "1.0a1, 1.0b1", "1.0b1, 1.0rc1", "1.0rc1, 1.0",
            "1.0, 1.0+local", "1.0+1, 1.0+1.1", "1.0+abc, 1.0+1", "1.9, 1.10", "1.0.post1.dev1, 1.0.post1",
            "4.2.15rc1, 4.2.15", "4.2.14.post1, 4.2.15.dev0", "0!2.0, 1!1.0"})
    void ordering(String lower, String higher) {
        assertThat(Ecosystem.PYPI.compare(lower, higher)).isNegative();
        assertThat(Ecosystem.PYPI.compare(higher, lower)).isPositive();
    }

    @Test
    void trailingZerosDoNotCount() {
        assertThat(Ecosystem.PYPI.compare("1.0", "1.0.0.0")).isZero();
        assertThat(Pep440.Version.parse("1.0")).isEqualTo(Pep440.Version.parse("1.0.0")).hasSameHashCodeAs(Pep440.Version.parse("1.0.0"));
    }

    @Test
    void notVersions() {
        for (String bad : List.of("", "french toast", "1.0+", "1..0", "1.0-dev-dev", "1.0_", "*", "1.0+local_")) {
            assertThat(Pep440.Version.tryParse(bad)).as(bad).isEmpty();
        }
    }

    @ParameterizedTest(name = "{1} in \"{0}\": {2}")
    @CsvSource(delimiter = '|', value = {
            // == and != with prefix matching and local versions
            "==2.0 | 2.0 | true", "==2.0 | 2.0+deadbeef | true", "==2.0+deadbeef | 2.0 | false",
            "==2.* | 2.5.1 | true", "==2.1.* | 2.10 | false", "==2.0.* | 2 | true", "!=2.0 | 2.0.1 | true",
            "!=2.0 | 2.0+local | false", "!=2.1.* | 2.1.9 | false", "!=2.1.* | 2.2 | true",
            // ordered comparisons: pre-, post-release and local rules of < and >
            ">=2.0 | 2.0 | true", "<=2.0 | 2.0+local | true", "<2.0 | 2.0rc1 | false", "<2.0rc2 | 2.0rc1 | true",
            ">2.0 | 2.0.post1 | false", ">2.0.post1 | 2.0.post2 | true", ">2.0 | 2.0+local | false", ">2.0 | 2.1 | true",
            // compatible release
            "~=2.2 | 2.3 | true", "~=2.2 | 3.0 | false", "~=2.2.0 | 2.2.9 | true", "~=2.2.0 | 2.3 | false",
            "~=1.4.5a4 | 1.4.5 | true", "~=1!1.0 | 1!1.5 | true", "~=1!1.0 | 1.5 | false",
            // arbitrary equality
            "===1.0 | 1.0 | true", "===1.0 | 1.0.0 | false", "===foobar | foobar | true",
            // pre-releases only when a clause names one
            ">=1.0 | 1.1rc1 | false", ">=1.1rc1 | 1.1rc2 | true", ">=1.0,!=1.1.*,<2 | 1.2 | true",
            ">=1.0,!=1.1.*,<2 | 1.1.5 | false", ">=4.2,<5 | 4.2.15 | true", ">=4.2,<5 | 5.0 | false",
            "'' | 3.0 | true", "'' | 3.0a1 | false"})
    void specifiers(String spec, String version, boolean admitted) {
        assertThat(Pep440.SpecifierSet.parse(spec).contains(version, false)).isEqualTo(admitted);
    }

    @Test
    void preReleasesWhenAskedFor() {
        assertThat(Pep440.SpecifierSet.parse(">=1.0").contains("1.1rc1", true)).isTrue();
        assertThat(Pep440.SpecifierSet.parse("<2.0").contains("2.0rc1", true)).isFalse();
    }

    @Test
    void pins() {
        assertThat(Pep440.SpecifierSet.parse("==4.2.7").pinned()).contains("4.2.7");
        assertThat(Pep440.SpecifierSet.parse("===4.2.7-custom").pinned()).contains("4.2.7-custom");
        assertThat(Pep440.SpecifierSet.parse("==4.2.*").pinned()).isEmpty();
        assertThat(Pep440.SpecifierSet.parse(">=4.2,<5").pinned()).isEmpty();
    }

    @Test
    void badSpecifiers() {
        for (String bad : List.of("~=1", "=>1.0", ">=1.0.*", "==french", "<1.0+local", "~=1.0+local", "1.0")) {
            assertThatThrownBy(() -> Pep440.SpecifierSet.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> release = Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> epoch = Arbitraries.of("", "", "", "1!");
        Arbitrary<String> pre = Arbitraries.of("", "", "a1", "b2", "rc1", "rc10", "alpha3", "c2");
        Arbitrary<String> post = Arbitraries.of("", "", ".post1", ".post10", "-2", ".rev3");
        Arbitrary<String> dev = Arbitraries.of("", "", ".dev0", ".dev5");
        Arbitrary<String> local = Arbitraries.of("", "", "+ubuntu.1", "+5", "+abc.7");
        return Combinators.combine(epoch, release, pre, post, dev, local).as((e, r, p, q, d, l) -> e + r + p + q + d + l);
    }

    @Property(tries = 300)
    void normalFormReadsBackEqual(@ForAll("versions") String v) {
        Pep440.Version parsed = Pep440.Version.parse(v);
        assertThat(Pep440.Version.parse(parsed.toString())).isEqualTo(parsed);
        assertThat(Pep440.Version.parse(parsed.toString()).toString()).isEqualTo(parsed.toString());
    }

    @Property(tries = 300)
    void orderIsAntisymmetricAndTransitive(@ForAll("versions") String a, @ForAll("versions") String b,
            @ForAll("versions") String c) {
        assertThat(Integer.signum(Ecosystem.PYPI.compare(a, b))).isEqualTo(-Integer.signum(Ecosystem.PYPI.compare(b, a)));
        if (Ecosystem.PYPI.compare(a, b) <= 0 && Ecosystem.PYPI.compare(b, c) <= 0) {
            assertThat(Ecosystem.PYPI.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    @Property(tries = 300)
    void aVersionPinsItselfAndExcludesItself(@ForAll("versions") String v) {
        assertThat(Pep440.SpecifierSet.parse("==" + v).contains(v, true)).isTrue();
        assertThat(Pep440.SpecifierSet.parse("!=" + v).contains(v, true)).isFalse();
        assertThat(Pep440.SpecifierSet.parse("===" + v).contains(v, true)).isTrue();
    }

    @Property(tries = 300)
    void greaterOrEqualAgreesWithTheOrder(@ForAll("versions") String spec, @ForAll("versions") String candidate) {
        String publicSpec = spec.contains("+") ? spec.substring(0, spec.indexOf('+')) : spec;
        String publicCandidate = candidate.contains("+") ? candidate.substring(0, candidate.indexOf('+')) : candidate;
        assertThat(Pep440.SpecifierSet.parse(">=" + publicSpec).contains(candidate, true))
                .isEqualTo(Ecosystem.PYPI.compare(publicCandidate, publicSpec) >= 0);
    }
}
