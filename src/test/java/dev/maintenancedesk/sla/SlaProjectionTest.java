package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.Move;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA projection on PostgreSQL: every action that changes a ticket's history (creation, a move —
 * pause, resume, reopen, rejection included —, a priority set or changed, a team change onto another
 * calendar) rewrites the ticket's stored clocks in its own transaction, and the watcher stores a
 * threshold passing; what is stored is always what a replay of the history stored in PostgreSQL gives
 * (read here with plain SQL and replayed with {@link SlaCalculator#compute}), now and at later instants.
 * On a database of its own, with a plan that has a team on New York's calendar.
 */
@DeskTest
@ContextConfiguration(initializers = SlaProjectionTest.OwnDatabase.class)
@DirtiesContext
class SlaProjectionTest {

    /** Monday 2 March 2026, 08:00 in Paris: before opening. */
    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-02T08:00:00+01:00").toInstant());
    static final Actor ADMIN = new Actor("admin", Role.ADMIN);

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("_sla_projection");
        }
    }

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock projectionTestClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void planWithATeamInNewYork(DynamicPropertyRegistry registry) throws IOException {
        NewYorkTeamPlan.use(registry, "plan-projection");
    }

    @Autowired
    Tickets tickets;

    @Autowired
    Sla sla;

    @Autowired
    SlaBoard board;

    @Autowired
    SlaWatch watch;

    @Autowired
    SlaRebuild rebuild;

    @Autowired
    Plan plan;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyActionThatChangesTheHistoryRewritesTheProjectionInItsOwnTransaction() {
        CLOCK.set(OffsetDateTime.parse("2026-03-03T10:00:00+01:00").toInstant());
        long n = create(Priority.P2, null, "admin");
        assertProjected(n, "creation");

        CLOCK.advance(Duration.ofMinutes(70));
        move(n, TicketState.TRIAGED);
        assertProjected(n, "triage");
        CLOCK.advance(Duration.ofMinutes(5));
        move(n, TicketState.WAITING);
        assertProjected(n, "pause");
        assertThat(stored(n, ClockKind.RESOLUTION).state()).isEqualTo(ClockState.PAUSED);
        CLOCK.advance(Duration.ofHours(20)); // over the night: paused time does not count
        move(n, TicketState.TRIAGED);
        assertProjected(n, "resume");
        assertThat(stored(n, ClockKind.RESOLUTION).openSince()).isEqualTo(CLOCK.instant());
        CLOCK.advance(Duration.ofMinutes(5));
        priority(n, Priority.P1);
        assertProjected(n, "priority raised");
        assertThat(stored(n, ClockKind.TAKE_CHARGE).state()).as("P1 take-charge (1h) is past at once").isEqualTo(ClockState.BREACHED);
        CLOCK.advance(Duration.ofMinutes(5));
        team(n, "support-ny");
        assertProjected(n, "team onto New York's calendar");
        assertThat(stored(n, ClockKind.RESOLUTION).deadline().atZone(java.time.ZoneId.of("America/New_York")).getHour())
                .as("counted on New York's hours").isBetween(9, 17);
        for (TicketState to : List.of(TicketState.ASSIGNED, TicketState.IN_PROGRESS, TicketState.IN_REVIEW,
                TicketState.MERGED)) {
            CLOCK.advance(Duration.ofMinutes(30));
            move(n, to);
            assertProjected(n, "move to " + to);
        }
        assertThat(stored(n, ClockKind.RESOLUTION).stoppedAt()).isEqualTo(CLOCK.instant());
        CLOCK.advance(Duration.ofMinutes(10));
        priority(n, Priority.P2); // a P1 closes only with a post-mortem
        move(n, TicketState.CLOSED);
        assertProjected(n, "closing");
        CLOCK.advance(Duration.ofDays(2));
        move(n, TicketState.TRIAGED);
        assertProjected(n, "reopening");
        assertThat(stored(n, ClockKind.RESOLUTION).openSince()).as("resolution counts again").isEqualTo(CLOCK.instant());

        long late = create(null, "core", null);
        assertProjected(late, "creation without a priority");
        assertThat(stored(late, ClockKind.RESOLUTION).targetMinutes()).isNull();
        CLOCK.advance(Duration.ofMinutes(40));
        priority(late, Priority.P4);
        assertProjected(late, "priority set late");
        assertThat(stored(late, ClockKind.RESOLUTION).target()).isEqualTo("release");
        CLOCK.advance(Duration.ofMinutes(3));
        move(late, TicketState.REJECTED);
        assertProjected(late, "rejection");
        CLOCK.advance(Duration.ofHours(3));
        move(late, TicketState.TRIAGED);
        assertProjected(late, "rejection reopened");

        // An edit that touches no clock leaves the projection as it was.
        Instant before = stored(late, ClockKind.RESOLUTION).computedAt();
        CLOCK.advance(Duration.ofMinutes(1));
        tickets.update(late, new TicketView.Changes(tickets.get(late).version(), "renamed", null, null, null, null, null,
                null, null, null, null, null, null, null), ADMIN);
        tickets.comment(late, "a comment", ADMIN);
        assertThat(stored(late, ClockKind.RESOLUTION).computedAt()).isEqualTo(before);
    }

    @Test
    void aMoveRolledBackLeavesTheProjectionAsItWas() {
        CLOCK.set(OffsetDateTime.parse("2026-03-04T10:00:00+01:00").toInstant());
        long n = create(Priority.P3, null, null);
        StoredClock resolution = stored(n, ClockKind.RESOLUTION);
        CLOCK.advance(Duration.ofMinutes(10));
        transactions.executeWithoutResult(status -> {
            tickets.transition(n, new TransitionRequest(TicketState.WAITING, "client", null), ADMIN);
            status.setRollbackOnly();
        });
        assertThat(tickets.get(n).state()).isEqualTo(TicketState.NEW);
        assertThat(stored(n, ClockKind.RESOLUTION)).isEqualTo(resolution);
        assertProjected(n, "after a rolled-back move");
    }

    @Test
    void theWatcherStoresEachThresholdPassing() {
        CLOCK.set(OffsetDateTime.parse("2026-03-05T10:00:00+01:00").toInstant());
        long n = create(Priority.P2, null, "admin"); // take-charge 2h: at risk at 11:30, breached at 12:00
        long paused = create(Priority.P2, null, "admin");
        CLOCK.advance(Duration.ofMinutes(80));
        move(paused, TicketState.WAITING);
        watch.scan();
        assertThat(stored(n, ClockKind.TAKE_CHARGE).atRisk()).isFalse();

        CLOCK.set(OffsetDateTime.parse("2026-03-05T11:35:00+01:00").toInstant());
        watch.scan();
        StoredClock atRisk = stored(n, ClockKind.TAKE_CHARGE);
        assertThat(atRisk.computedAt()).isEqualTo(CLOCK.instant());
        assertThat(atRisk.state()).isEqualTo(ClockState.RUNNING);
        assertThat(atRisk.atRisk()).isTrue();
        assertConsistent(n, "at risk");
        assertThat(alerted(n)).isEqualTo("AT_RISK");

        CLOCK.set(OffsetDateTime.parse("2026-03-05T12:05:00+01:00").toInstant());
        watch.scan();
        assertThat(stored(n, ClockKind.TAKE_CHARGE).state()).isEqualTo(ClockState.BREACHED);
        assertThat(stored(n, ClockKind.TAKE_CHARGE).computedAt()).isEqualTo(CLOCK.instant());
        assertConsistent(n, "breached");
        assertThat(alerted(n)).isEqualTo("BREACHED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_alerts WHERE ticket_number = ?").param(n).query(Long.class).single())
                .isEqualTo(2);
        // Nothing left to do for it, and a paused clock has nothing to pass.
        assertThat(board.due(CLOCK.instant())).doesNotContain(n, paused);
        assertThat(stored(paused, ClockKind.TAKE_CHARGE).state()).isEqualTo(ClockState.PAUSED);
        assertProjected(paused, "paused, after scans");
    }

    /**
     * Property-style: random tickets through random sequences of moves (allowed by the workflow), priority
     * and team changes, time passing (minutes to days: nights, weekends, holidays, thresholds) and scans
     * of the watcher. After every step the projection of every ticket touched is the replay's.
     */
    @Test
    void randomActionSequencesKeepTheProjectionEqualToTheReplay() {
        long seed = Long.getLong("desk.test.seed", 20_261_130L);
        Random random = new Random(seed);
        CLOCK.set(OffsetDateTime.parse("2026-04-01T07:00:00+02:00").toInstant());
        List<Long> numbers = new ArrayList<>();
        Priority[] priorities = Priority.values();
        String[] teams = {null, "core", "support-ny"};
        for (int step = 0; step < 400; step++) {
            String what = "seed " + seed + ", step " + step;
            int dice = random.nextInt(100);
            if (numbers.size() < 3 || dice < 8) {
                Priority p = random.nextInt(6) == 0 ? null : priorities[random.nextInt(4)];
                numbers.add(create(p, teams[random.nextInt(3)], random.nextBoolean() ? "admin" : null));
                assertProjected(numbers.getLast(), what + " (creation)");
                continue;
            }
            long n = numbers.get(random.nextInt(numbers.size()));
            if (dice < 55) {
                List<Move> moves = tickets.moves(n, ADMIN).stream().filter(Move::allowed).toList();
                if (!moves.isEmpty()) {
                    move(n, moves.get(random.nextInt(moves.size())).to());
                    assertProjected(n, what + " (move)");
                }
            } else if (dice < 65) {
                priority(n, priorities[random.nextInt(4)]);
                assertProjected(n, what + " (priority)");
            } else if (dice < 72) {
                String team = teams[1 + random.nextInt(2)];
                team(n, team);
                assertProjected(n, what + " (team " + team + ")");
            } else if (dice < 92) {
                CLOCK.advance(switch (random.nextInt(4)) {
                    case 0 -> Duration.ofMinutes(1 + random.nextInt(59));
                    case 1 -> Duration.ofMinutes(60 + random.nextInt(540));
                    case 2 -> Duration.ofHours(10 + random.nextInt(40));
                    default -> Duration.ofDays(2 + random.nextInt(5));
                });
            } else {
                watch.scan();
                for (long m : numbers) {
                    assertConsistent(m, what + " (scan)");
                    assertAdvanced(m, what + " (scan)");
                }
            }
        }
        numbers.forEach(m -> assertProjected(m, "seed " + seed + ", at the end"));
        // the walk went through the cases that matter
        java.util.Set<ClockState> seen = java.util.EnumSet.noneOf(ClockState.class);
        numbers.forEach(m -> List.of(ClockKind.values()).forEach(k -> seen.add(stored(m, k).state())));
        assertThat(seen).as("seed %s: states reached", seed).contains(ClockState.RUNNING, ClockState.PAUSED,
                ClockState.MET, ClockState.BREACHED);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT kind) FROM sla_alerts").query(Long.class).single())
                .as("seed %s: the watcher raised both kinds of alert", seed).isEqualTo(2);
        List<SlaRebuild.Difference> differences = new ArrayList<>();
        rebuild.rebuild(false, differences::add);
        assertThat(differences).as("the rebuild finds what the writes stored").isEmpty();
    }

    /**
     * Writers of one ticket (priority edits, pauses and resumptions) race each other and a rebuild that
     * fixes while they write: each write either wins or gets a conflict, nothing deadlocks, and the ticket
     * ends with the clocks of its last history.
     */
    @Test
    void concurrentWritesAndARebuildEndWithTheLatestClocks() throws Exception {
        CLOCK.set(OffsetDateTime.parse("2026-05-05T10:00:00+02:00").toInstant());
        long n = create(Priority.P3, null, null);
        long other = create(Priority.P2, null, null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                start.await();
                Random random = new Random(writer);
                for (int i = 0; i < 25; i++) {
                    long target = i % 5 == 4 ? other : n;
                    try {
                        if (writer == 2) {
                            TicketState state = tickets.get(target).state();
                            move(target, state == TicketState.WAITING ? TicketState.NEW : TicketState.WAITING);
                        } else {
                            priority(target, Priority.values()[random.nextInt(4)]);
                        }
                        written.incrementAndGet();
                    } catch (dev.maintenancedesk.problem.Conflict | org.springframework.dao.ConcurrencyFailureException e) {
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        List<SlaRebuild.Difference> duringTheRace = new java.util.concurrent.CopyOnWriteArrayList<>();
        work.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 5; i++) {
                rebuild.rebuild(true, duringTheRace::add);
            }
            return null;
        }));
        start.countDown();
        for (var f : work) {
            f.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(written.get()).as("writes that won (%s conflicts)", conflicts.get()).isGreaterThan(10);
        assertThat(duringTheRace).as("what a write stored is what its history gives, even mid-race").isEmpty();
        assertProjected(n, "after the race");
        assertProjected(other, "after the race");
        List<SlaRebuild.Difference> differences = new ArrayList<>();
        rebuild.rebuild(false, differences::add);
        assertThat(differences).isEmpty();
    }

    @Test
    void theRebuildFindsNothingOnAConsistentDatabaseThenFindsAndFixesWhatWasCorrupted() {
        CLOCK.set(OffsetDateTime.parse("2026-05-04T10:00:00+02:00").toInstant());
        long a = create(Priority.P2, null, "admin");
        long b = create(Priority.P3, "support-ny", null);
        long c = create(Priority.P1, null, null);
        CLOCK.advance(Duration.ofMinutes(30));
        move(b, TicketState.WAITING);
        List<SlaRebuild.Difference> none = new ArrayList<>();
        SlaRebuild.Result clean = rebuild.rebuild(true, none::add);
        assertThat(none).isEmpty();
        assertThat(clean.differences()).isZero();
        assertThat(clean.tickets()).isGreaterThanOrEqualTo(3);
        StoredClock good = stored(a, ClockKind.RESOLUTION);

        jdbc.sql("UPDATE sla_clocks SET deadline = deadline + INTERVAL '1' HOUR WHERE ticket_number = ? AND clock = 'RESOLUTION'")
                .param(a).update();
        jdbc.sql("DELETE FROM sla_clocks WHERE ticket_number = ? AND clock = 'TAKE_CHARGE'").param(b).update();
        jdbc.sql("UPDATE tickets SET due_at = NULL WHERE number = ?").param(c).update();
        List<SlaRebuild.Difference> found = new ArrayList<>();
        SlaRebuild.Result checked = rebuild.rebuild(false, found::add);
        assertThat(found).extracting(d -> d.ticket() + " " + d.clock())
                .containsExactlyInAnyOrder(a + " resolution", b + " take-charge", c + " due");
        SlaRebuild.Difference deadline = found.stream().filter(d -> d.ticket() == a).findFirst().orElseThrow();
        assertThat(deadline.stored()).startsWith("deadline=").doesNotContain("state");
        assertThat(deadline.recomputed()).startsWith("deadline=");
        assertThat(found.stream().filter(d -> d.ticket() == b).findFirst().orElseThrow().stored()).isEqualTo("missing");
        assertThat(checked.ticketsFixed()).isZero();
        assertThat(stored(a, ClockKind.RESOLUTION)).as("only checked").isNotEqualTo(good);

        List<SlaRebuild.Difference> fixedNow = new ArrayList<>();
        SlaRebuild.Result fixed = rebuild.rebuild(true, fixedNow::add);
        assertThat(fixedNow).hasSize(3);
        assertThat(fixed.ticketsFixed()).isEqualTo(3);
        for (long n : List.of(a, b, c)) {
            assertProjected(n, "fixed");
        }
        List<SlaRebuild.Difference> after = new ArrayList<>();
        assertThat(rebuild.rebuild(false, after::add).differences()).isZero();
        assertThat(after).isEmpty();
    }

    @Test
    void aPlanThatChangedSinceTheLastRebuildRebuildsAtStartUp() {
        CLOCK.set(OffsetDateTime.parse("2026-05-06T10:00:00+02:00").toInstant());
        long n = create(Priority.P2, null, null);
        rebuild.rebuild(true, d -> {});
        assertThat(rebuild.planChanged()).isFalse();
        jdbc.sql("UPDATE sla_clocks SET target_minutes = 1 WHERE ticket_number = ?").param(n).update();
        SlaPlanCheck check = new SlaPlanCheck(rebuild, true);

        check.afterSingletonsInstantiated(); // same plan: nothing is rebuilt
        assertThat(stored(n, ClockKind.RESOLUTION).targetMinutes()).isEqualTo(1);

        jdbc.sql("UPDATE sla_projection SET plan_fingerprint = 'another plan' WHERE id = 1").update();
        assertThat(rebuild.planChanged()).isTrue();
        new SlaPlanCheck(rebuild, false).afterSingletonsInstantiated(); // turned off (desk sla rebuild's own context)
        assertThat(stored(n, ClockKind.RESOLUTION).targetMinutes()).isEqualTo(1);
        check.afterSingletonsInstantiated();
        assertThat(rebuild.planChanged()).isFalse();
        assertProjected(n, "rebuilt at start-up");
        assertThat(jdbc.sql("SELECT plan_fingerprint FROM sla_projection").query(String.class).single())
                .isEqualTo(PlanFingerprint.of(plan));
    }

    // --- acting through the tickets service, as the API does

    private long create(Priority priority, String team, String assignee) {
        CLOCK.advance(Duration.ofMinutes(1));
        TicketView t = tickets.create(new NewTicket("projection " + CLOCK.instant(), "", TicketType.CORRECTIVE, priority,
                List.of(), assignee, team, null, null, null), ADMIN);
        // what review and merge ask for, so that random moves can reach them
        tickets.link(t.number(), new TicketLink(LinkKind.PULL_REQUEST, "https://github.com/cesizen/api/pull/" + t.number(),
                true), ADMIN);
        tickets.update(t.number(), new TicketView.Changes(tickets.get(t.number()).version(), null, null, null, null, null,
                null, null, null, "CI run", "Fixed #" + t.number(), null, null, null), ADMIN);
        return t.number();
    }

    private void move(long n, TicketState to) {
        if (to == TicketState.ASSIGNED && tickets.get(n).assignee() == null) {
            tickets.update(n, TicketView.Changes.assignee(tickets.get(n).version(), "admin"), ADMIN);
        }
        tickets.transition(n, new TransitionRequest(to, "a reason", null), ADMIN);
    }

    private void priority(long n, Priority p) {
        tickets.update(n, new TicketView.Changes(tickets.get(n).version(), null, null, null, p, null, null, null, null,
                null, null, null, null, null), ADMIN);
    }

    private void team(long n, String team) {
        tickets.update(n, new TicketView.Changes(tickets.get(n).version(), null, null, null, null, null, null, team, null,
                null, null, null, null, null), ADMIN);
    }

    // --- what the projection must be: the replay of the history stored in PostgreSQL

    /**
     * The ticket's projection is the replay's: written when its history last changed (at once: nothing is
     * awaited), its state as stored that of the replay at the instant stored, its due instant right, and
     * its clocks read at now and later the replay's at those instants.
     */
    private void assertProjected(long n, String when) {
        Timeline timeline = StoredTimelines.read(jdbc, n);
        Instant last = timeline.steps().stream().map(Timeline.Step::at).max(Comparator.naturalOrder())
                .orElse(timeline.created());
        StoredClock resolution = stored(n, ClockKind.RESOLUTION);
        assertThat(resolution.historyAt()).as("#%s %s: projected from the history's last change", n, when)
                .isEqualTo(last.isAfter(timeline.created()) ? last : timeline.created());
        assertConsistent(n, when);
        SlaCalculator replay = calculator(n);
        Instant now = CLOCK.instant();
        assertThat(jdbc.sql("SELECT due_at FROM tickets WHERE number = ?").param(n).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant).orElse(null))
                .as("#%s %s: due instant", n, when).isEqualTo(Sla.due(replay.compute(timeline, now)));
        assertThat(sla.of(n)).as("#%s %s: Sla.of now", n, when).isEqualTo(replay.compute(timeline, now));
        for (Duration later : List.of(Duration.ZERO, Duration.ofMinutes(37), Duration.ofHours(5), Duration.ofDays(3))) {
            Instant t = now.plus(later);
            TicketSla read = sla.read(board.read(List.of(n)).get(n), t);
            assertThat(read).as("#%s %s: read from the projection at now + %s", n, when, later)
                    .isNotNull().isEqualTo(replay.compute(timeline, t));
        }
    }

    /** Each stored clock is the replay's at the instant it was stored (by a write or the watcher). */
    private void assertConsistent(long n, String when) {
        Timeline timeline = StoredTimelines.read(jdbc, n);
        SlaCalculator replay = calculator(n);
        for (ClockKind kind : ClockKind.values()) {
            StoredClock s = stored(n, kind);
            TicketSla then = replay.compute(timeline, s.computedAt());
            SlaClock c = kind == ClockKind.TAKE_CHARGE ? then.takeCharge() : then.resolution();
            assertThat(new Object[] {s.priority(), s.state(), s.counting(), s.atRisk(), s.elapsedMinutes(), s.percentUsed(),
                    s.deadline(), s.atRiskAt(), s.target(), s.targetMinutes(), s.startedAt(), s.stoppedAt()})
                    .as("#%s %s: %s as stored at %s", n, when, kind, s.computedAt())
                    .containsExactly(then.priority(), c.state(), c.targetMinutes() != null && c.counting(), c.atRisk(),
                            c.elapsedMinutes(), c.percentUsed(), instant(c.deadline()), instant(c.atRiskAt()), c.target(),
                            c.targetMinutes(), instant(c.startedAt()), instant(c.stoppedAt()));
        }
    }

    /** After a scan: no running clock's stored state lags behind a threshold passed. */
    private void assertAdvanced(long n, String when) {
        TicketSla now = calculator(n).compute(StoredTimelines.read(jdbc, n), CLOCK.instant());
        for (SlaClock c : List.of(now.takeCharge(), now.resolution())) {
            StoredClock s = stored(n, c.kind());
            if (c.state() == ClockState.BREACHED && c.counting()) {
                assertThat(s.state()).as("#%s %s: %s breached, stored", n, when, c.kind()).isEqualTo(ClockState.BREACHED);
            } else if (c.atRisk() && c.state() == ClockState.RUNNING) {
                assertThat(s.atRisk()).as("#%s %s: %s at risk, stored", n, when, c.kind()).isTrue();
            }
        }
    }

    private StoredClock stored(long n, ClockKind kind) {
        StoredClock[] rows = board.rows(List.of(n)).get(n);
        assertThat(rows).as("#%s has stored clocks", n).isNotNull();
        assertThat(rows[kind.ordinal()]).as("#%s has a stored %s clock", n, kind).isNotNull();
        return rows[kind.ordinal()];
    }

    private String alerted(long n) {
        return jdbc.sql("SELECT alerted FROM sla_clocks WHERE ticket_number = ? AND clock = 'TAKE_CHARGE'").param(n)
                .query(String.class).single();
    }

    private SlaCalculator calculator(long n) {
        String team = jdbc.sql("SELECT team FROM tickets WHERE number = ?").param(n).query(String.class).optional()
                .orElse(null);
        return new SlaCalculator(sla.deadlines(team), plan.sla());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
