package dev.maintenancedesk.watch;

import dev.maintenancedesk.plan.Watch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package (the browser tests): runs the watch once with the plan's source keys pointed
 * at a loopback {@link FeedServer} — Django (September's feed), DRF (Atom), OWASP answering garbage, Postgres
 * answering 429, the NVD answering 500, OSV with nothing to ask — and the product clone of the test resources,
 * matching nothing (no tickets).
 */
public final class WatchFixtures implements AutoCloseable {

    private final FeedServer server = new FeedServer();

    public void run(ApplicationContext context) {
        TechnologyWatch watch = context.getBean(TechnologyWatch.class);
        context.getBean(ProductDependencies.class).read(DependencyFilesTest.product(), List.of("requirements.txt"));
        List<Watch.Source> sources = List.of(
                new Watch.Source("django", "Django releases", Watch.Kind.FEED, server.url("/sept.rss"), List.of()),
                new Watch.Source("drf", "DRF", Watch.Kind.FEED, server.url("/drf.atom"), List.of()),
                new Watch.Source("owasp", "OWASP", Watch.Kind.FEED, server.url("/garbage"), List.of()),
                new Watch.Source("postgres", "Postgres", Watch.Kind.FEED, server.url("/busy"), List.of()),
                new Watch.Source("cve", "CVE feed", Watch.Kind.NVD, server.url("/broken"), List.of()),
                new Watch.Source("osv", "CVE feed", Watch.Kind.OSV, server.url("/osv/v1/querybatch"), List.of()));
        watch.run(new SourceFetcher(new SourceHttp(Duration.ofSeconds(2), context.getBean(Clock.class)),
                RateLimiter.system(5, Duration.ofSeconds(30)), null, 2, 20, 300), sources, List.of());
    }

    public static Path product() {
        return DependencyFilesTest.product();
    }

    @Override
    public void close() {
        server.close();
    }
}
