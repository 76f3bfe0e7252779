package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.sla.SlaRebuild;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code desk sla rebuild [--check]} on a database of its own: nothing to report on a consistent
 * database (exit 0); a corrupted row is reported with what is stored and what the history gives (exit 1),
 * left alone with {@code --check}, fixed without; a plan whose targets changed rebuilds at start-up.
 */
class SlaRebuildCommandTest {

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
        System.clearProperty("DESK_PLAN");
    }

    @Test
    void findsNothingOnAConsistentDatabaseThenReportsAndFixesACorruptedRow() throws Exception {
        String url = TestDatabase.own("_sla_rebuild_cli");
        System.setProperty("DESK_DATABASE_URL", url);
        List<Long> numbers = DeskDatabase.with(Tickets.class, tickets -> {
            Actor desk = Actor.automation("desk");
            long a = tickets.create(ticket("cli a", Priority.P2), desk).number();
            long b = tickets.create(ticket("cli b", Priority.P4), desk).number();
            long c = tickets.create(ticket("cli c", null), desk).number();
            tickets.transition(b, new TransitionRequest(TicketState.TRIAGED, null, null), desk);
            tickets.transition(c, new TransitionRequest(TicketState.WAITING, "client", null), desk);
            return List.of(a, b, c);
        });
        long a = numbers.getFirst();

        Result clean = desk("sla", "rebuild");
        assertThat(clean.code()).as(clean.toString()).isZero();
        assertThat(clean.err()).isEmpty();
        assertThat(clean.out()).matches("(?s)3 tickets checked in \\d+\\.\\d s: 0 difference\\(s\\)\\R");

        sql(url, "UPDATE sla_clocks SET deadline = deadline + INTERVAL '1' HOUR WHERE ticket_number = " + a
                + " AND clock = 'RESOLUTION'");
        Result checked = desk("sla", "rebuild", "--check");
        assertThat(checked.code()).as(checked.toString()).isEqualTo(1);
        List<String> lines = checked.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).matches("#" + a + " resolution: stored deadline=\\S+, recomputed deadline=\\S+");
        assertThat(lines.getLast()).endsWith("1 difference(s) (not fixed: --check)");
        assertThat(desk("sla", "rebuild", "--check").out()).as("still there").contains("#" + a + " resolution:");

        Result fixed = desk("sla", "rebuild");
        assertThat(fixed.code()).isEqualTo(1);
        List<String> fixedLines = fixed.out().lines().toList();
        assertThat(fixedLines).hasSize(2).first().isEqualTo(lines.getFirst());
        assertThat(fixedLines.getLast()).matches("3 tickets checked in \\d+\\.\\d s: 1 difference\\(s\\), 1 ticket\\(s\\) fixed");
        Result again = desk("sla", "rebuild");
        assertThat(again.code()).as(again.toString()).isZero();
    }

    @Test
    void aPlanWhoseTargetsChangedRebuildsTheClocksAtStartUp(@TempDir Path dir) throws Exception {
        String url = TestDatabase.own("_sla_plan_change");
        System.setProperty("DESK_DATABASE_URL", url);
        long n = DeskDatabase.with(Tickets.class, tickets -> tickets.create(ticket("plan change", Priority.P2),
                Actor.automation("desk")).number());
        assertThat(takeChargeTarget(url, n)).isEqualTo(120);

        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, defaultPlan().replace("P2: { take_charge: 2h, resolution: 6h }",
                "P2: { take_charge: 3h, resolution: 6h }"));
        System.setProperty("DESK_PLAN", plan.toString());
        // any start on the changed plan (here a command's context) rebuilds before doing anything else
        boolean changed = DeskDatabase.with(SlaRebuild.class, SlaRebuild::planChanged);
        assertThat(changed).as("rebuilt for this plan at start-up").isFalse();
        assertThat(takeChargeTarget(url, n)).isEqualTo(180);

        // back to the plan the clocks are not computed for: the command (whose context does not rebuild) says so
        System.clearProperty("DESK_PLAN");
        Result back = desk("sla", "rebuild");
        assertThat(back.code()).as(back.toString()).isEqualTo(1);
        assertThat(back.out()).contains("#" + n + " take-charge: stored ").contains("targetMinutes=180")
                .contains("targetMinutes=120");
        assertThat(takeChargeTarget(url, n)).isEqualTo(120);
    }

    @Test
    void worksOnTheEmbeddedH2DatabaseToo(@TempDir Path dir) {
        System.setProperty("DESK_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("desk")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
        DeskDatabase.with(Tickets.class, tickets -> {
            long n = tickets.create(ticket("h2", Priority.P1), Actor.automation("desk")).number();
            return tickets.transition(n, new TransitionRequest(TicketState.WAITING, "client", null), Actor.automation("desk"));
        });
        Result result = desk("sla", "rebuild");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("1 tickets checked in ");
    }

    private static NewTicket ticket(String title, Priority priority) {
        return new NewTicket(title, "", TicketType.CORRECTIVE, priority, List.of(), null, null, null, null, null);
    }

    private static long takeChargeTarget(String url, long n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                var rs = c.createStatement().executeQuery("SELECT target_minutes FROM sla_clocks WHERE ticket_number = " + n
                        + " AND clock = 'TAKE_CHARGE'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().executeUpdate(statement);
        }
    }

    private static String defaultPlan() throws IOException {
        try (InputStream in = SlaRebuildCommandTest.class.getResourceAsStream("/plans/cesizen.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
