package dev.maintenancedesk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A desk that was down (stopped, or killed) while a cluster job came due runs it as soon as it is back. Found by
 * the kill -9 fault test (bench/crash/run.sh): db-scheduler started while the application was still starting, so
 * the overdue preventive job opened its tickets before the desk's event listeners were registered — tickets
 * without their creation entry in the history, SLA clocks, KPI facts or notifications. The job must wait until
 * the desk is ready: every ticket it opens is whole.
 */
class OverdueJobAtStartTest {

    @Test
    void aJobOverdueAtStartOpensWholeTickets() throws Exception {
        String url = TestDatabase.own("_overdue_job");
        MutableClock clock = new MutableClock(OffsetDateTime.parse("2026-11-05T10:00:00+01:00").toInstant());
        String[] settings = {"--db-scheduler.polling-interval=200ms", "--desk.preventive.delay=PT24H",
                "--desk.sla.watch-delay=PT24H"};
        try (DeskInstance first = DeskInstance.start(url, clock, settings)) {
            assertThat(count(url, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'preventive-calendar'")).isEqualTo(1);
        }
        // the desk was down while its job came due
        execute(url, "UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP - INTERVAL '1' HOUR"
                + " WHERE task_name = 'preventive-calendar'");

        try (DeskInstance again = DeskInstance.start(url, clock, settings)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((count(url, "SELECT COUNT(*) FROM tickets WHERE type = 'PREVENTIVE'") < 7
                    || count(url, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            DeskClient admin = DeskClient.admin(again.port());
            List<Long> opened = new ArrayList<>();
            for (JsonNode ticket : admin.get("/api/v1/tickets?type=PREVENTIVE&limit=200").json().get("items")) {
                opened.add(ticket.get("number").asLong());
            }
            assertThat(opened).hasSize(7);
            for (long n : opened) {
                assertThat(admin.get("/api/v1/tickets/" + n + "/history").body()).as("the history of #" + n)
                        .contains("CREATED");
            }
            assertThat(count(url, "SELECT COUNT(DISTINCT ticket_number) FROM sla_clocks WHERE ticket_number IN (SELECT number"
                    + " FROM tickets WHERE type = 'PREVENTIVE')")).as("SLA clocks of the preventive tickets").isEqualTo(7);
            assertThat(count(url, "SELECT COUNT(*) FROM kpi_ticket_facts WHERE ticket_number IN (SELECT number"
                    + " FROM tickets WHERE type = 'PREVENTIVE')")).as("their creation heard by the listeners (KPI facts)")
                    .isEqualTo(7);
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().executeUpdate(sql);
        }
    }
}
