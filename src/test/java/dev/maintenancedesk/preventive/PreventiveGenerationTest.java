package dev.maintenancedesk.preventive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.preventive.PreventiveCalendar.RunLine;
import dev.maintenancedesk.preventive.PreventiveCalendar.RunLine.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One ticket per action and period: across restarts, after a gap (each missed period once), with two desks
 * generating at the same time on one PostgreSQL, and through the db-scheduler job.
 */
class PreventiveGenerationTest {

    /** Thursday 5 November 2026, 10:00 in Paris. */
    static final Instant NOV_5 = OffsetDateTime.parse("2026-11-05T10:00:00+01:00").toInstant();

    /** The seven actions of the plan, and the period in progress on 5 November 2026 of each. */
    static final List<String> NOVEMBER = List.of("dependency_updates 2026-11", "library_security_review 2026-11",
            "backup_restore_test 2026-Q4", "gdpr_review 2026-H2", "configuration_audit 2026-H2", "backlog_review 2026-11",
            "watch_consolidation 2026-11");

    @Test
    void eachPeriodOpensOneTicketAcrossRestarts() {
        String url = TestDatabase.own("_prev_restart");
        List<RunLine> first;
        try (Desks.Desk desk = Desks.start(url, NOV_5)) {
            first = desk.calendar().run();
            assertThat(first).extracting(l -> l.actionKey() + " " + l.period()).containsExactlyElementsOf(NOVEMBER);
            assertThat(first).extracting(RunLine::outcome).containsOnly(Outcome.OPENED);
            assertThat(desk.events(PreventiveTicketOpened.class)).extracting(PreventiveTicketOpened::ticketNumber)
                    .containsExactlyElementsOf(first.stream().map(RunLine::ticketNumber).toList());
            Map<String, Object> ticket = desk.jdbc().sql("SELECT title, description, type, reporter FROM tickets WHERE number = ?")
                    .param(first.getFirst().ticketNumber()).query().singleRow();
            assertThat(ticket.get("title")).isEqualTo("Mise à jour dépendances — 2026-11");
            assertThat(ticket.get("type")).isEqualTo("PREVENTIVE");
            assertThat(ticket.get("reporter")).isEqualTo("desk");
            assertThat((String) ticket.get("description"))
                    .contains("le 1er de chaque mois", "Échéance : 2026-11-16 18:00 (10 jours ouvrés)",
                            "- [ ] Lister les dépendances obsolètes", "- [ ] Lancer la suite de tests et la CI");
            // ten business days from Sunday 1 November: All Saints (1st) and Armistice (11th) are holidays
            assertThat(first.getFirst().dueAt()).isEqualTo(OffsetDateTime.parse("2026-11-16T18:00:00+01:00").toInstant());
            assertThat(desk.calendar().run()).extracting(RunLine::outcome).containsOnly(Outcome.SKIPPED);
        }
        try (Desks.Desk restarted = Desks.start(url, NOV_5.plus(Duration.ofHours(3)))) {
            List<RunLine> again = restarted.calendar().run();
            assertThat(again).extracting(l -> l.actionKey() + " " + l.period()).containsExactlyElementsOf(NOVEMBER);
            assertThat(again).extracting(RunLine::outcome).containsOnly(Outcome.SKIPPED);
            assertThat(again).extracting(RunLine::ticketNumber)
                    .containsExactlyElementsOf(first.stream().map(RunLine::ticketNumber).toList());
            assertThat(restarted.events(PreventiveTicketOpened.class)).isEmpty();
            assertThat(preventiveTickets(restarted.jdbc())).isEqualTo(7);
        }
    }

    @Test
    void aGapIsCaughtUpWithEachMissedPeriodOnce() {
        String url = TestDatabase.own("_prev_gap");
        try (Desks.Desk desk = Desks.start(url, NOV_5)) {
            assertThat(desk.calendar().run()).hasSize(7);
        }
        // down from 5 November to 10 February: December, January and February, Q1 and H1 were missed
        try (Desks.Desk back = Desks.start(url, OffsetDateTime.parse("2027-02-10T09:30:00+01:00").toInstant())) {
            List<RunLine> lines = back.calendar().run();
            assertThat(lines.stream().filter(l -> l.outcome() == Outcome.OPENED).map(l -> l.actionKey() + " " + l.period()))
                    .containsExactly(
                            "dependency_updates 2026-12", "dependency_updates 2027-01", "dependency_updates 2027-02",
                            "library_security_review 2026-12", "library_security_review 2027-01", "library_security_review 2027-02",
                            "backup_restore_test 2027-Q1", "gdpr_review 2027-H1", "configuration_audit 2027-H1",
                            "backlog_review 2026-12", "backlog_review 2027-01", "backlog_review 2027-02",
                            "watch_consolidation 2026-12", "watch_consolidation 2027-01", "watch_consolidation 2027-02");
            // each missed period keeps its own due date: December's was due in December
            assertThat(lines.stream().filter(l -> l.period().equals("2026-12") && l.actionKey().equals("dependency_updates"))
                    .findFirst().orElseThrow().dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-14T18:00:00+01:00").toInstant());
            assertThat(back.jdbc().sql("SELECT title FROM tickets WHERE type = 'PREVENTIVE' ORDER BY number")
                    .query(String.class).list()).contains("Mise à jour dépendances — 2026-12",
                            "Test restauration backup — 2027-Q1", "Revue RGPD — 2027-H1").doesNotHaveDuplicates();
            assertThat(back.calendar().run()).extracting(RunLine::outcome).containsOnly(Outcome.SKIPPED);
            assertThat(preventiveTickets(back.jdbc())).isEqualTo(22);
        }
    }

    @Test
    void twoDesksGeneratingAtOnceOpenOneTicketPerPeriod() throws Exception {
        String url = TestDatabase.own("_prev_cluster");
        // own threads: the common pool may have a single worker on a two-core machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Desks.Desk> a = CompletableFuture.supplyAsync(() -> Desks.start(url, NOV_5), threads);
        CompletableFuture<Desks.Desk> b = CompletableFuture.supplyAsync(() -> Desks.start(url, NOV_5), threads);
        try (threads; Desks.Desk one = a.get(5, TimeUnit.MINUTES); Desks.Desk two = b.get(5, TimeUnit.MINUTES)) {
            List<RunLine> lines = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                LocalDate day = LocalDate.of(2026, 11, 5).plusMonths(round);
                CompletableFuture<List<RunLine>> x = CompletableFuture.supplyAsync(() -> runAfter(start, one, day), threads);
                CompletableFuture<List<RunLine>> y = CompletableFuture.supplyAsync(() -> runAfter(start, two, day), threads);
                lines.addAll(x.get(2, TimeUnit.MINUTES));
                lines.addAll(y.get(2, TimeUnit.MINUTES));
            }
            List<String> opened = lines.stream().filter(l -> l.outcome() == Outcome.OPENED)
                    .map(l -> l.actionKey() + " " + l.period()).toList();
            // November: 7; December: 4 monthly; January: 4 monthly + Q1 + two H1
            assertThat(opened).doesNotHaveDuplicates().hasSize(7 + 4 + 7);
            assertThat(one.events(PreventiveTicketOpened.class).size() + two.events(PreventiveTicketOpened.class).size())
                    .isEqualTo(18);
            assertThat(preventiveTickets(one.jdbc())).isEqualTo(18);
            assertThat(one.jdbc().sql("SELECT COUNT(DISTINCT ticket_number) FROM preventive_occurrences")
                    .query(Long.class).single()).isEqualTo(18L);
        }
    }

    @Test
    void theClusterJobGeneratesThroughDbScheduler() throws Exception {
        String url = TestDatabase.own("_prev_job");
        try (Desks.Desk desk = Desks.start(url, NOV_5, "--db-scheduler.enabled=true", "--db-scheduler.polling-interval=200ms",
                "--desk.preventive.interval=PT0.5S", "--desk.preventive.delay=PT0S")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (preventiveTickets(desk.jdbc()) < 7 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(preventiveTickets(desk.jdbc())).isEqualTo(7);
            assertThat(desk.jdbc().sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'preventive-calendar'")
                    .query(Long.class).single()).isEqualTo(1L);
            desk.clock().set(OffsetDateTime.parse("2026-12-01T08:00:00+01:00").toInstant());
            while (preventiveTickets(desk.jdbc()) < 11 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(preventiveTickets(desk.jdbc())).isEqualTo(11);
        }
    }

    private static List<RunLine> runAfter(CyclicBarrier start, Desks.Desk desk, LocalDate day) {
        try {
            start.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return desk.calendar().run(day);
    }

    static long preventiveTickets(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE type = 'PREVENTIVE'").query(Long.class).single();
    }
}
