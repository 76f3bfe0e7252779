package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code desk watch fetch}: the plan's sources fetched at once (here a plan whose sources are a loopback server),
 * each one's state printed, exit code 1 when one failed.
 */
class WatchCommandTest {

    @AfterEach
    void forget() {
        for (String p : new String[] {"DESK_DATABASE_URL", "DESK_PLAN", "DESK_PRODUCT_REPOSITORY", "DESK_WATCH_TIMEOUT"}) {
            System.clearProperty(p);
        }
    }

    @Test
    void fetchesThePlansSourcesAndSaysWhichFailed(@TempDir Path dir) throws Exception {
        try (FeedServer server = new FeedServer()) {
            String plan = WatchPlanTest.yaml()
                    .replace("https://www.djangoproject.com/rss/weblog/", server.url("/django.rss"))
                    .replace("https://github.com/encode/django-rest-framework/releases.atom", server.url("/drf.atom"))
                    .replace("https://owasp.org/feed.xml", server.url("/broken"))
                    .replace("https://www.postgresql.org/news.rss", server.url("/drf.atom"))
                    .replace("https://services.nvd.nist.gov/rest/json/cves/2.0", server.url("/nvd"))
                    .replace("https://api.osv.dev/v1/querybatch", server.url("/osv/v1/querybatch"))
                    .replace("key: django", "key: cli-django").replace("key: drf", "key: cli-drf")
                    .replace("key: owasp", "key: cli-owasp").replace("key: postgres", "key: cli-postgres")
                    .replace("key: cve", "key: cli-cve").replace("key: osv", "key: cli-osv")
                    .replace("dependency_files: [requirements.txt]", "dependency_files: [poetry.lock]")
                    // one NVD keyword: two requests, well inside the 5 per 30 s of the rate limiter
                    .replaceFirst(java.util.regex.Pattern.quote("packages: [\"PyPI:django\", \"PyPI:djangorestframework\", \"PyPI:psycopg2\"]"),
                            "packages: [\"PyPI:django\"]");
            Path file = dir.resolve("plan.yaml");
            Files.writeString(file, plan);
            System.setProperty("DESK_DATABASE_URL", TestDatabase.own("_watchcli")); // its own: no advisory is shared
            System.setProperty("DESK_PLAN", file.toString());
            System.setProperty("DESK_PRODUCT_REPOSITORY", DependencyFilesTest.product().toString());
            System.setProperty("DESK_WATCH_TIMEOUT", "PT5S");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = dev.maintenancedesk.cli.Desk.run(new String[] {"watch", "fetch"}, new PrintWriter(out),
                    new PrintWriter(err));
            assertThat(err.toString()).isEmpty();
            assertThat(code).isEqualTo(1);
            assertThat(out.toString().lines()).contains("cli-django\tOK\t3", "cli-drf\tOK\t2", "cli-owasp\tFAILING\t0\tHTTP 500",
                    "cli-cve\tOK\t3", "file:poetry.lock\tOK\t2");
            assertThat(out.toString()).containsPattern("\\d+ new item\\(s\\), \\d+ security ticket\\(s\\) opened, 1 source\\(s\\) failing");
        }
    }
}
