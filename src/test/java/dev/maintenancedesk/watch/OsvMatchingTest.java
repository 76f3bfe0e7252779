package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version matching against real OSV records (PyPA's and GitHub's advisory databases, under
 * {@code src/test/resources/watch/osv}): PEP 440 for PyPI (pre-, post-, dev-releases, epochs, local versions),
 * Semantic Versioning for npm, Maven's ordering for Maven; the fixed version is the one above the version used.
 */
class OsvMatchingTest {

    static Advisory record(String id) {
        try (InputStream in = OsvMatchingTest.class.getResourceAsStream("/watch/osv/" + id + ".json")) {
            return OsvRecords.osv(OsvRecords.tree(in.readAllBytes(), id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SourceHttp.Failure e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<AffectedVersions.Finding> check(String id, String ecosystem, String name, String version) {
        Ecosystem e = Ecosystem.of(ecosystem).orElseThrow();
        Optional<AffectedVersions.Finding> found = Optional.empty();
        for (Advisory.Affected a : record(id).affected()) {
            if (e.normalize(a.name()).equals(e.normalize(name)) && found.isEmpty()) {
                found = AffectedVersions.check(a, e, version);
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0} {2} {3}: affected={4}, fixed in {5}")
    @CsvSource(nullValues = "-", value = {
            // Django, CVE-2024-41989: [5.0, 5.0.8) and [4.2, 4.2.15)
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.7, true, 4.2.15",
            "PYSEC-0000-CVE-2024-41989, PyPI, Django, 4.2, true, 4.2.15",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.15, false, -",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.15rc1, true, 4.2.15",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2rc1, false, -",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.14.post1, true, 4.2.15",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.15.dev0, true, 4.2.15",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.15.post1, false, -",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.2.7+ubuntu.1, true, 4.2.15",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 1!4.2.7, false, -",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 5.0a1, false, -",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 5.0.7, true, 5.0.8",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 5.1, false, -",
            "PYSEC-0000-CVE-2024-41989, PyPI, django, 4.1.13, false, -",
            // Django, CVE-2023-36053: three ranges written out of order
            "PYSEC-0000-CVE-2023-36053, PyPI, django, 3.2.19, true, 3.2.20",
            "PYSEC-0000-CVE-2023-36053, PyPI, django, 4.1.9, true, 4.1.10",
            "PYSEC-0000-CVE-2023-36053, PyPI, django, 4.2.2, true, 4.2.3",
            "PYSEC-0000-CVE-2023-36053, PyPI, django, 4.1.10, false, -",
            "PYSEC-0000-CVE-2023-36053, PyPI, django, 3.1.14, false, -",
            "PYSEC-0000-CVE-2023-36053, PyPI, django, 4.0a1, false, -",
            // DRF: introduced 0, fixed 3.11.2, and an explicit list of versions
            "PYSEC-2020-263, PyPI, djangorestframework, 3.11.1, true, 3.11.2",
            "PYSEC-2020-263, PyPI, django-rest_framework, 0.1, false, -",
            "PYSEC-2020-263, PyPI, djangorestframework, 0.1, true, 3.11.2",
            "PYSEC-2020-263, PyPI, djangorestframework, 3.11.2, false, -",
            "PYSEC-2020-263, PyPI, djangorestframework, 3.12.0, false, -",
            // lodash (npm, semver): introduced 0, fixed 4.17.21
            "GHSA-35jh-r3h4-6jhm, npm, lodash, 4.17.20, true, 4.17.21",
            "GHSA-35jh-r3h4-6jhm, npm, lodash, 4.17.21, false, -",
            "GHSA-35jh-r3h4-6jhm, npm, lodash, 4.17.21-beta.1, true, 4.17.21",
            "GHSA-35jh-r3h4-6jhm, npm, lodash-es, 4.17.15, true, 4.17.21",
            "GHSA-35jh-r3h4-6jhm, npm, lodash, 5.0.0-alpha, false, -",
            // axios (npm): [0.8.1, 1.6.0)
            "GHSA-wf5p-g6vw-rhxx, npm, axios, 0.8.0, false, -",
            "GHSA-wf5p-g6vw-rhxx, npm, axios, 0.8.1, true, 1.6.0",
            "GHSA-wf5p-g6vw-rhxx, npm, axios, 1.5.1, true, 1.6.0",
            "GHSA-wf5p-g6vw-rhxx, npm, axios, 1.6.0-beta.0, true, 1.6.0",
            "GHSA-wf5p-g6vw-rhxx, npm, axios, 1.6.0, false, -",
            "GHSA-wf5p-g6vw-rhxx, npm, axios, 1.10.0, false, -",
            // Log4Shell (Maven): three affected entries for one package
            "GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.14.1, true, 2.15.0",
            "GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.15.0-rc1, true, 2.15.0",
            "GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.15.0, false, -",
            "GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.12.2, false, -",
            "GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.3, true, 2.3.1",
            "GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.3.1, false, -",
            // Spring4Shell (Maven): qualifiers (.RELEASE, -SNAPSHOT) in Maven's order
            "GHSA-36p3-wjmg-h94x, Maven, org.springframework:spring-beans, 5.2.19.RELEASE, true, 5.2.20.RELEASE",
            "GHSA-36p3-wjmg-h94x, Maven, org.springframework:spring-beans, 5.2.20.RELEASE, false, -",
            "GHSA-36p3-wjmg-h94x, Maven, org.springframework:spring-beans, 5.3.17, true, 5.3.18",
            "GHSA-36p3-wjmg-h94x, Maven, org.springframework:spring-webmvc, 5.3.18-SNAPSHOT, true, 5.3.18",
            "GHSA-36p3-wjmg-h94x, Maven, org.springframework:spring-webmvc, 5.3.18, false, -",
            "GHSA-36p3-wjmg-h94x, Maven, org.springframework:spring-webmvc, 6.0.0, false, -"})
    void realRecords(String id, String ecosystem, String name, String version, boolean affected, String fixed) {
        Optional<AffectedVersions.Finding> found = check(id, ecosystem, name, version);
        assertThat(found.isPresent()).as("affected").isEqualTo(affected);
        found.ifPresent(f -> assertThat(f.fixed()).isEqualTo(fixed));
    }

    @Test
    void lastAffectedAndLimit() {
        Advisory.Affected a = new Advisory.Affected("PyPI", "x", List.of(new Advisory.Range("ECOSYSTEM",
                List.of(new Advisory.Event("introduced", "1.0"), new Advisory.Event("last_affected", "1.4")))), List.of());
        assertThat(AffectedVersions.check(a, Ecosystem.PYPI, "1.4")).contains(new AffectedVersions.Finding(null));
        assertThat(AffectedVersions.check(a, Ecosystem.PYPI, "1.4.post1")).isEmpty();
        Advisory.Affected limited = new Advisory.Affected("npm", "y", List.of(new Advisory.Range("SEMVER",
                List.of(new Advisory.Event("introduced", "0"), new Advisory.Event("limit", "2.0.0")))), List.of());
        assertThat(AffectedVersions.check(limited, Ecosystem.NPM, "1.9.9")).isPresent();
        assertThat(AffectedVersions.check(limited, Ecosystem.NPM, "2.0.0")).isEmpty();
        Advisory.Affected git = new Advisory.Affected("PyPI", "z", List.of(new Advisory.Range("GIT",
                List.of(new Advisory.Event("introduced", "0"), new Advisory.Event("fixed", "abc123")))), List.of());
        assertThat(AffectedVersions.check(git, Ecosystem.PYPI, "1.0")).as("commits are not versions").isEmpty();
    }

    @Test
    void aVersionTheEcosystemDoesNotKnowMatchesNothing() {
        assertThat(check("PYSEC-0000-CVE-2024-41989", "PyPI", "django", "not-a-version")).isEmpty();
        assertThat(check("GHSA-35jh-r3h4-6jhm", "npm", "lodash", "4.17")).isEmpty();
    }

    @Test
    void withdrawnRecordsAndRejectedCvesAffectNothing() throws Exception {
        String lodash = new String(OsvMatchingTest.class.getResourceAsStream("/watch/osv/GHSA-35jh-r3h4-6jhm.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Advisory withdrawn = OsvRecords.osv(OsvRecords.tree(lodash.replaceFirst("\\{", "{\"withdrawn\": \"2023-01-01T00:00:00Z\",")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "withdrawn"));
        assertThat(withdrawn.id()).isEqualTo("GHSA-35jh-r3h4-6jhm");
        assertThat(withdrawn.affected()).isEmpty();
        String page = new String(OsvMatchingTest.class.getResourceAsStream("/watch/nvd-page-2.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(OsvRecords.nvd(OsvRecords.tree(page.getBytes(java.nio.charset.StandardCharsets.UTF_8), "nvd")).getFirst().affected())
                .hasSize(2);
        assertThat(OsvRecords.nvd(OsvRecords.tree(page.replace("\"vulnStatus\": \"Analyzed\"", "\"vulnStatus\": \"Rejected\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "nvd")).getFirst().affected()).isEmpty();
    }

    @Test
    void recordsReadWithAliasesAndScores() {
        Advisory log4shell = record("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.aliases()).containsExactly("CVE-2021-44228");
        assertThat(log4shell.cvss()).isEqualByComparingTo("10.0");
        assertThat(log4shell.link()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(record("GHSA-wf5p-g6vw-rhxx").cvss()).as("no vector: the database's severity").isEqualByComparingTo("4.0");
        assertThat(record("PYSEC-2020-263").cvss()).isNull();
        assertThat(record("PYSEC-2020-263").summary()).startsWith("A flaw was found in Django REST Framework");
    }
}
