package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The watch's tables and queries on the embedded H2 database (PostgreSQL mode), the evaluation default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "spring.datasource.username=", "spring.datasource.password=", "db-scheduler.enabled=false",
                "DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD})
class WatchOnH2Test {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDirectory.resolve("desk").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
    }

    @Autowired
    TechnologyWatch watch;
    @Autowired
    WatchStore store;
    @Autowired
    ProductDependencies dependencies;
    @Autowired
    Clock clock;

    @Test
    void aWholeRunOnH2() {
        try (FeedServer server = new FeedServer()) {
            SourceFetchTest.server = server;
            List<Dependency> deps = dependencies.read(DependencyFilesTest.product(), List.of("requirements.txt", "nope.txt"));
            SourceFetcher fetcher = SourceFetchTest.fetcher(RateLimiter.system(5, Duration.ofSeconds(30)), clock);
            TechnologyWatch.RunReport report = watch.run(fetcher, TechnologyWatchTest.sources().stream()
                    .filter(s -> !s.key().equals("t-slow")).toList(), deps);
            assertThat(report.failing()).isEqualTo(2);
            assertThat(report.ticketsOpened()).isEqualTo(4);
            assertThat(watch.run(fetcher, TechnologyWatchTest.sources().stream()
                    .filter(s -> !s.key().equals("t-slow")).toList(), deps).ticketsOpened()).isZero();
            assertThat(store.canonical("PYSEC-0000-CVE-2024-41989")).isEqualTo(store.canonical("CVE-2024-41989"));
            assertThat(store.source("t-busy").orElseThrow().errorArgs()).containsExactly("429");
            assertThat(store.source("file:nope.txt").orElseThrow().errorCode()).isEqualTo("file.missing");
            assertThat(store.alerts()).first().satisfies(a -> assertThat(a.cvss()).isEqualByComparingTo("9.8"));
            assertThat(watch.markdown(YearMonth.of(2024, 8), Locale.FRENCH)).contains("CVE-2024-42005", "Django 5.1 released");
        }
    }
}
