package dev.maintenancedesk.preventive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A preventive ticket still open at the plan's at-risk share of its period raises {@link PreventiveActionAtRisk},
 * at its due date {@link PreventiveActionOverdue}: each once, also across a restart.
 */
class PreventiveAlertsTest {

    static Instant paris(String local) {
        return OffsetDateTime.parse(local + "+01:00").toInstant();
    }

    @Test
    void atRiskThenOverdueEachOnce() throws Exception {
        String url = TestDatabase.own("_prev_alerts");
        List<String> chat = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            chat.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        try (Desks.Desk desk = Desks.start(url, paris("2026-11-02T09:00:00"),
                "--desk.notify.webhook-url=http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook")) {
            assertThat(desk.calendar().run()).hasSize(7);
            // the periods in progress when the calendar started (Q4 from 1 October, H2 from 1 July) are overdue at once,
            // with one alert: no late at-risk alert before it
            assertThat(desk.calendar().raiseAlerts()).isEqualTo(3);
            assertThat(desk.events(PreventiveActionOverdue.class)).extracting(e -> e.actionKey() + " " + e.period())
                    .containsExactly("gdpr_review 2026-H2", "configuration_audit 2026-H2", "backup_restore_test 2026-Q4");
            assertThat(desk.events(PreventiveActionAtRisk.class)).isEmpty();
            assertThat(desk.calendar().raiseAlerts()).isZero();
            // the notify module posts each to the team's chat, after the commit
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (chat.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(chat).hasSize(3).allSatisfy(m -> assertThat(m).contains("Action préventive en retard — #"))
                    .anySatisfy(m -> assertThat(m).contains("Revue RGPD — 2026-H2", "2026"));

            // five business days from Sunday 1 November (a holiday): due Friday 6 November 18:00; 75 % of the
            // 138 hours from the period's start is Thursday 5 November 07:30
            desk.clock().set(paris("2026-11-05T07:29:00"));
            assertThat(desk.calendar().raiseAlerts()).isZero();
            desk.clock().set(paris("2026-11-05T07:30:00"));
            assertThat(desk.calendar().raiseAlerts()).isEqualTo(3);
            assertThat(desk.events(PreventiveActionAtRisk.class)).extracting(e -> e.actionKey() + " " + e.period())
                    .containsExactlyInAnyOrder("library_security_review 2026-11", "backlog_review 2026-11",
                            "watch_consolidation 2026-11");
            assertThat(desk.events(PreventiveActionAtRisk.class)).allSatisfy(e -> {
                assertThat(e.dueAt()).isEqualTo(paris("2026-11-06T18:00:00"));
                assertThat(e.at()).isEqualTo(paris("2026-11-05T07:30:00"));
            });
            assertThat(desk.calendar().raiseAlerts()).isZero();
        }
        try (Desks.Desk restarted = Desks.start(url, paris("2026-11-06T18:00:00"))) {
            assertThat(restarted.calendar().raiseAlerts()).isEqualTo(3);
            assertThat(restarted.events(PreventiveActionOverdue.class)).extracting(PreventiveActionOverdue::actionKey)
                    .containsExactlyInAnyOrder("library_security_review", "backlog_review", "watch_consolidation");
            assertThat(restarted.events(PreventiveActionAtRisk.class)).isEmpty();
            // ten business days (All Saints and Armistice skipped): dependency updates due Monday 16 November
            restarted.clock().set(paris("2026-11-16T18:00:00"));
            assertThat(restarted.calendar().raiseAlerts()).isEqualTo(1);
            assertThat(restarted.events(PreventiveActionOverdue.class)).last()
                    .satisfies(e -> assertThat(e.actionKey() + " " + e.period()).isEqualTo("dependency_updates 2026-11"));
            assertThat(restarted.calendar().raiseAlerts()).isZero();
        } finally {
            webhook.stop(0);
        }
    }
}
