package dev.maintenancedesk.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hostile-input campaign (issue 8's acceptance): no 5xx, no Java internals in any body, refused
 * requests change no row and consume no ticket number. {@code ./scripts/test} runs a shortened
 * campaign; {@code bench/hostile/run.sh} runs the full one ({@code -Dhostile.requests=12000}).
 * The full list of failures, each with its request, is in the assertion message and in
 * {@code target/hostile-campaign.txt}.
 */
@DeskTest
class HostileInputCampaignTest {

    /** Requests of the shortened campaign (every operation and form still covered). */
    static final int SHORT = 1500;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hostileRequestsGetNo5xxNoInternalsAndChangeNothingWhenRefused() throws Exception {
        int requests = Integer.getInteger("hostile.requests", SHORT);
        long maxMillis = Long.getLong("hostile.maxSeconds", requests <= SHORT ? 600 : 3600) * 1000;
        HostileCampaign.Report report = HostileCampaign.run(port, jdbc, requests, maxMillis);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/hostile-campaign.txt"), report.full());
        System.out.println(report.summary());

        assertThat(report.requests()).as("requests sent").isEqualTo(requests);
        assertThat(report.failures()).as(report.full()).isEmpty();
    }
}
