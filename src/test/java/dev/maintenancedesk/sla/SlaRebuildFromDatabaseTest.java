package dev.maintenancedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.TicketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clocks rebuilt from the history stored in PostgreSQL are the live ones. A dozen tickets go through
 * the API while the clock moves (priority raised and dropped, set late, WAITING pauses over a night and a
 * weekend, rejections and closings reopened, merges, a team calendar); then, for each ticket:
 * <ul>
 * <li>its {@code ticket_events} rows, read with plain SQL and turned into a {@link Timeline}, are the
 *     timeline of what the test did (its own journal, kept while acting);</li>
 * <li>the clocks computed from those rows at the instant the watcher last stored them are what
 *     {@code sla_clocks} holds (state, counting, priority, deadline, at-risk instant);</li>
 * <li>the sla module's public answers at that instant, one by one ({@link Sla#of(long)}) and in bulk
 *     ({@link Sla#of(java.util.Collection)}), are those same clocks.</li>
 * </ul>
 * A history whose priority rows were recorded under another field gives other clocks: the comparison
 * catches it.
 */
@DeskTest
class SlaRebuildFromDatabaseTest {

    /** Tuesday 7 April 2026, 09:00 in Paris (the day after Easter Monday): a business morning. */
    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-04-07T09:00:00+02:00").toInstant());

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock rebuildTestClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sla sla;

    @Autowired
    Plan plan;

    @Autowired
    JdbcClient jdbc;

    private DeskClient admin;
    /** What the test did to each ticket, in order: the timeline the stored history must give back. */
    private final Map<Long, Instant> created = new LinkedHashMap<>();
    private final Map<Long, List<Timeline.Step>> journal = new LinkedHashMap<>();

    @Test
    void clocksRebuiltFromTheStoredHistoryAreTheLiveOnes() {
        admin = DeskClient.admin(port);
        DeskClient.newUser(port, "rb-dev", "DEVELOPER");

        long breached = create("{\"title\":\"rb breached\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}", Priority.P1);
        long raised = create("{\"title\":\"rb raised\",\"priority\":\"P3\"}", Priority.P3);
        long dropped = create("{\"title\":\"rb dropped\",\"priority\":\"P1\"}", Priority.P1);
        long pausedOnce = create("{\"title\":\"rb paused once\",\"type\":\"CORRECTIVE\",\"priority\":\"P2\"}", Priority.P2);
        long stillWaiting = create("{\"title\":\"rb still waiting\",\"priority\":\"P2\"}", Priority.P2);
        long lateTarget = create("{\"title\":\"rb priority set late\"}", null);
        long rejected = create("{\"title\":\"rb rejected\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}", Priority.P3);
        long merged = create("{\"title\":\"rb merged\",\"type\":\"CORRECTIVE\",\"priority\":\"P2\",\"assignee\":\"rb-dev\"}",
                Priority.P2);
        long closed = create("{\"title\":\"rb closed\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\",\"assignee\":\"rb-dev\"}",
                Priority.P3);
        long release = create("{\"title\":\"rb release\",\"type\":\"PREVENTIVE\",\"priority\":\"P4\"}", Priority.P4);
        long waitingWork = create("{\"title\":\"rb waiting in progress\",\"type\":\"CORRECTIVE\",\"priority\":\"P2\","
                + "\"assignee\":\"rb-dev\"}", Priority.P2);
        long team = create("{\"title\":\"rb team\",\"priority\":\"P2\",\"team\":\"core\"}", Priority.P2);

        CLOCK.advance(Duration.ofMinutes(30));
        priority(raised, Priority.P1);
        priority(dropped, Priority.P3);
        move(pausedOnce, TicketState.WAITING, "waiting for the customer");
        move(stillWaiting, TicketState.WAITING, "waiting for the hosting provider");
        move(rejected, TicketState.REJECTED, "looks like a duplicate");
        for (long n : List.of(merged, closed, waitingWork)) {
            move(n, TicketState.TRIAGED, null);
            move(n, TicketState.ASSIGNED, null);
            move(n, TicketState.IN_PROGRESS, null);
        }
        move(release, TicketState.TRIAGED, null);

        CLOCK.advance(Duration.ofHours(2));
        move(pausedOnce, TicketState.NEW, null);
        priority(lateTarget, Priority.P2);
        move(waitingWork, TicketState.WAITING, "waiting for a fix upstream");
        for (long n : List.of(merged, closed)) {
            mergeable(n);
            move(n, TicketState.IN_REVIEW, null);
            move(n, TicketState.MERGED, null);
        }
        move(closed, TicketState.CLOSED, null);

        CLOCK.set(OffsetDateTime.parse("2026-04-08T10:00:00+02:00").toInstant()); // the next morning
        move(rejected, TicketState.TRIAGED, "not a duplicate after all");
        move(closed, TicketState.TRIAGED, "seen again in production");
        move(waitingWork, TicketState.IN_PROGRESS, null);
        move(team, TicketState.WAITING, "waiting for the customer");

        CLOCK.set(OffsetDateTime.parse("2026-04-13T11:00:00+02:00").toInstant()); // Monday, after a weekend
        move(team, TicketState.NEW, null);
        priority(raised, Priority.P2);
        CLOCK.advance(Duration.ofMinutes(45));
        Instant end = CLOCK.instant();

        List<Long> numbers = List.copyOf(journal.keySet());
        assertThat(numbers).hasSize(12);
        Set<ClockState> seen = EnumSet.noneOf(ClockState.class);
        for (long n : numbers) {
            Timeline stored = StoredTimelines.read(jdbc, n);
            assertThat(stored).as("#%s: the stored history gives back what was done", n)
                    .isEqualTo(new Timeline(created.get(n), journal.get(n)));

            Board board = board(n);
            TicketSla rebuilt = calculator(n).compute(stored, board.computedAt());
            assertThat(board.clocks()).as("#%s: the live clocks stored at %s", n, board.computedAt())
                    .isEqualTo(Board.of(rebuilt));

            CLOCK.set(board.computedAt());
            assertThat(sla.of(n)).as("#%s: Sla.of(number)", n).isEqualTo(rebuilt);
            assertThat(sla.of(List.of(n))).as("#%s: Sla.of(numbers)", n).containsExactly(Map.entry(n, rebuilt));

            CLOCK.set(end);
            TicketSla now = calculator(n).compute(stored, end);
            seen.add(now.takeCharge().state());
            seen.add(now.resolution().state());
        }
        CLOCK.set(end);
        Map<Long, TicketSla> bulk = sla.of(numbers);
        assertThat(bulk).containsOnlyKeys(numbers);
        numbers.forEach(n -> assertThat(bulk.get(n)).as("#%s now", n)
                .isEqualTo(calculator(n).compute(StoredTimelines.read(jdbc, n), end)));

        // The tickets cover the cases the rebuild has to get right.
        assertThat(seen).as("clock states after the scenario").contains(ClockState.RUNNING, ClockState.PAUSED,
                ClockState.MET, ClockState.BREACHED);
        assertThat(bulk.get(breached).takeCharge().state()).isEqualTo(ClockState.BREACHED);
        assertThat(bulk.get(stillWaiting).resolution().state()).isEqualTo(ClockState.PAUSED);
        assertThat(bulk.get(merged).resolution().state()).isEqualTo(ClockState.MET);
        assertThat(bulk.get(raised).priority()).isEqualTo("P2");
        assertThat(bulk.get(lateTarget).resolution().targetMinutes()).isNotNull();
        assertThat(bulk.get(release).resolution().target()).isEqualTo("release");

        // Were the priority rows stored under another field, the rebuilt clocks would not be the live ones.
        for (long n : List.of(breached, raised, dropped, lateTarget)) {
            Board board = board(n);
            Timeline renamed = StoredTimelines.read(jdbc, n, field -> field == TicketView.Field.PRIORITY ? TicketView.Field.TITLE : field);
            assertThat(Board.of(calculator(n).compute(renamed, board.computedAt())))
                    .as("#%s with its priority rows renamed", n).isNotEqualTo(board.clocks());
        }
    }

    // --- acting through the API, keeping the journal

    private long create(String body, Priority priority) {
        CLOCK.advance(Duration.ofMinutes(1));
        DeskClient.Response r = admin.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long n = r.json().get("number").asLong();
        Instant at = CLOCK.instant();
        created.put(n, at);
        journal.put(n, new ArrayList<>());
        if (priority != null) {
            journal.get(n).add(new Timeline.Step(at, priority, null));
        }
        awaitStored(n, at);
        return n;
    }

    private void priority(long n, Priority priority) {
        CLOCK.advance(Duration.ofMinutes(1));
        patch(n, "{\"priority\":\"" + priority + "\"}");
        journal.get(n).add(new Timeline.Step(CLOCK.instant(), priority, null));
        awaitStored(n, CLOCK.instant());
    }

    private void move(long n, TicketState to, String reason) {
        CLOCK.advance(Duration.ofMinutes(1));
        DeskClient.Response r = admin.post("/api/v1/tickets/" + n + "/transitions", reason == null
                ? "{\"to\":\"" + to + "\"}" : DeskClient.json("{\"to\":\"" + to + "\",\"reason\":%s}", reason));
        assertThat(r.status()).as("#%s → %s: %s", n, to, r).isEqualTo(200);
        journal.get(n).add(new Timeline.Step(CLOCK.instant(), null, to));
        awaitStored(n, CLOCK.instant());
    }

    /** A merged pull request, test evidence and a release note: what review and merge ask for. */
    private void mergeable(long n) {
        CLOCK.advance(Duration.ofMinutes(1));
        DeskClient.Response link = admin.post("/api/v1/tickets/" + n + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/" + n + "\",\"merged\":true}");
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        patch(n, "{\"testEvidence\":\"CI run " + n + "\",\"releaseNote\":\"Fixed #" + n + "\"}");
    }

    private void patch(long n, String fields) {
        int version = admin.get("/api/v1/tickets/" + n).json().get("version").asInt();
        DeskClient.Response r = admin.patch("/api/v1/tickets/" + n, "{\"version\":" + version + "," + fields.substring(1));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** The watcher stores clocks after the event, asynchronously: wait until it did for this instant. */
    private void awaitStored(long n, Instant at) {
        await(() -> jdbc.sql("SELECT COUNT(*) FROM sla_clocks WHERE ticket_number = ? AND computed_at >= ?")
                .params(n, at.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single() == 2);
    }

    // --- reading PostgreSQL directly

    /** The calculator the application uses for the ticket's team (the plan's calendar, or the team's). */
    private SlaCalculator calculator(long n) {
        String team = jdbc.sql("SELECT team FROM tickets WHERE number = ?").param(n).query(String.class).optional()
                .orElse(null);
        return new SlaCalculator(sla.deadlines(team), plan.sla());
    }

    private Board board(long n) {
        List<Object[]> rows = jdbc.sql("""
                SELECT clock, state, counting, priority, deadline, at_risk_at, computed_at
                FROM sla_clocks WHERE ticket_number = ? ORDER BY clock DESC""")
                .param(n)
                .query((rs, i) -> new Object[] {
                        new StoredClock(ClockKind.valueOf(rs.getString("clock")), rs.getString("state"),
                                rs.getBoolean("counting"), rs.getString("priority"),
                                instant(rs.getObject("deadline", OffsetDateTime.class)),
                                instant(rs.getObject("at_risk_at", OffsetDateTime.class))),
                        rs.getObject("computed_at", OffsetDateTime.class).toInstant()})
                .list();
        assertThat(rows).as("#%s: both clocks stored", n).hasSize(2);
        assertThat(rows.get(0)[1]).as("both clocks stored at once").isEqualTo(rows.get(1)[1]);
        return new Board(List.of((StoredClock) rows.get(0)[0], (StoredClock) rows.get(1)[0]), (Instant) rows.get(0)[1]);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** One row of {@code sla_clocks}, as the watcher stores it. */
    record StoredClock(ClockKind kind, String state, boolean counting, String priority, Instant deadline,
            Instant atRiskAt) {

        static StoredClock of(String priority, SlaClock c) {
            return new StoredClock(c.kind(), c.state().name(), c.targetMinutes() != null && c.counting(), priority,
                    instant(c.deadline()), instant(c.atRiskAt()));
        }
    }

    /** Both stored clocks of a ticket (take-charge, then resolution) and when they were computed. */
    record Board(List<StoredClock> clocks, Instant computedAt) {

        static List<StoredClock> of(TicketSla sla) {
            return List.of(StoredClock.of(sla.priority(), sla.takeCharge()), StoredClock.of(sla.priority(), sla.resolution()));
        }
    }

    private static void await(BooleanSupplier condition) {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(condition.getAsBoolean()).as("the watcher stored the clocks").isTrue();
    }
}
