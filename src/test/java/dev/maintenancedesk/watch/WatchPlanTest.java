package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.Watch;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's watch section: its sources, dependency files and CVSS thresholds, and the problems it refuses. */
class WatchPlanTest {

    static String yaml() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(String yaml) {
        try {
            PlanLoader.parse(yaml, "test.yaml");
        } catch (InvalidPlanException e) {
            return e.problems();
        }
        throw new AssertionError("the plan was accepted");
    }

    @Test
    void theDefaultPlansWatch() {
        Watch w = PlanLoader.loadDefault().watch();
        assertThat(w.sources()).extracting(s -> s.key() + " " + s.kind()).containsExactly("django FEED", "drf FEED",
                "owasp FEED", "postgres FEED", "cve NVD", "osv OSV");
        assertThat(w.sources().get(4).url()).isEqualTo("https://services.nvd.nist.gov/rest/json/cves/2.0");
        assertThat(w.sources().get(5).url()).isEqualTo("https://api.osv.dev/v1/querybatch");
        assertThat(w.dependencyFiles()).containsExactly("requirements.txt");
        assertThat(w.securityLabel()).isEqualTo("security");
        assertThat(w.cvss()).isEqualTo(Watch.CvssThresholds.DEFAULT);
    }

    @Test
    void thresholdsFromThePlan() {
        Plan plan = PlanLoader.parse(yaml().replace("cvss: { P1: 9.0, P2: 7.0, P3: 4.0 }", "cvss: { P1: 8.5, P2: 6, P3: 3 }"),
                "test.yaml");
        assertThat(plan.watch().cvss().priority(new BigDecimal("8.6"))).isEqualTo(Priority.P1);
        assertThat(plan.watch().cvss().priority(new BigDecimal("6.0"))).isEqualTo(Priority.P2);
        assertThat(plan.watch().cvss().priority(new BigDecimal("2.9"))).isEqualTo(Priority.P4);
    }

    @Test
    void aFeedUrlThatIsNotHttpIsAProblemNamingItsPath() {
        assertThat(problems(yaml().replace("url: https://owasp.org/feed.xml", "url: ftp://owasp.org/feed.xml")
                .replace("url: https://www.postgresql.org/news.rss", "url: file:///etc/passwd")
                .replace("url: https://www.djangoproject.com/rss/weblog/", "url: javascript:alert(1)")))
                .containsExactly("watch.sources[0].url: \"javascript:alert(1)\" is not an http(s) address",
                        "watch.sources[2].url: \"ftp://owasp.org/feed.xml\" is not an http(s) address",
                        "watch.sources[3].url: \"file:///etc/passwd\" is not an http(s) address");
    }

    @Test
    void otherWatchProblems() {
        assertThat(problems(yaml()
                .replace("      url: https://github.com/encode/django-rest-framework/releases.atom\n", "")
                .replace("kind: nvd", "kind: twitter")
                .replace("dependency_files: [requirements.txt]", "dependency_files: [requirements.txt, /etc/passwd, ../x/pom.xml, Gemfile.lock]")
                .replace("cvss: { P1: 9.0, P2: 7.0, P3: 4.0 }", "cvss: { P1: 7.0, P2: 11, P3: high }")
                .replace("packages: [\"PyPI:django\", \"PyPI:djangorestframework\", \"PyPI:psycopg2\"]\n  consolidation",
                        "packages: [\"django\"]\n  consolidation")))
                .containsExactly(
                        "watch.sources[1].url: missing (required for a watch source)",
                        "watch.sources[4].kind: \"twitter\" is not a watch source kind (expected: feed, nvd, osv)",
                        "watch.sources[5].packages[0]: \"django\" is not ECOSYSTEM:name (examples: PyPI:django, npm:axios, Maven:org.example:lib)",
                        "watch.dependency_files[1]: \"/etc/passwd\" is not a dependency file inside the repository (known: requirements*.txt, poetry.lock, package-lock.json, pom.xml)",
                        "watch.dependency_files[2]: \"../x/pom.xml\" is not a dependency file inside the repository (known: requirements*.txt, poetry.lock, package-lock.json, pom.xml)",
                        "watch.dependency_files[3]: \"Gemfile.lock\" is not a dependency file inside the repository (known: requirements*.txt, poetry.lock, package-lock.json, pom.xml)",
                        "watch.cvss.P2: 11 is not a CVSS score (0 to 10)",
                        "watch.cvss.P3: \"high\" is not a number",
                        "watch.cvss.P1: the thresholds must not increase from P1 to P3 (7.0, 11, 4.0)");
    }
}
