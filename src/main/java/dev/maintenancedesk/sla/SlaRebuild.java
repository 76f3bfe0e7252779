package dev.maintenancedesk.sla;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.tickets.TicketHistory;
import dev.maintenancedesk.tickets.Tickets;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every ticket's SLA projection from its history (the source of truth) and compares it with
 * what is stored: each clock's figures and its state at the instant it was stored, and the ticket's due
 * instant. Histories stream in batches by ticket number (one query a batch, the next read while this one
 * is compared); a difference is confirmed under the ticket's row lock (a writer may have moved the ticket
 * meanwhile: then its history is read again) before it is reported and, unless only checking, fixed in
 * JDBC batches that write only the tickets that differ.
 */
@Service
public class SlaRebuild {

    static final int BATCH = 5_000;
    /** Tickets locked and fixed per transaction: short, so writers of those tickets barely wait. */
    static final int FIX_CHUNK = 500;

    private final Sla sla;
    private final Tickets tickets;
    private final SlaBoard board;
    private final Plan plan;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SlaRebuild(Sla sla, Tickets tickets, SlaBoard board, Plan plan, JdbcClient jdbc, PlatformTransactionManager manager) {
        this.sla = sla;
        this.tickets = tickets;
        this.board = board;
        this.plan = plan;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(manager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One stored value that is not what the history gives. {@code clock} is {@code take-charge},
     * {@code resolution} or {@code due} (the ticket's due instant); {@code stored} and {@code recomputed}
     * name the differing fields with their values ({@code missing}: no row).
     */
    public record Difference(long ticket, String clock, String stored, String recomputed) {

        @Override
        public String toString() {
            return "#" + ticket + " " + clock + ": stored " + stored + ", recomputed " + recomputed;
        }
    }

    /** What a rebuild did: tickets checked, differences found (and fixed unless only checking), time taken. */
    public record Result(long tickets, long differences, long ticketsFixed, Duration took) {}

    /**
     * Checks every ticket; reports each confirmed difference to {@code report} and, when {@code fix},
     * writes the recomputed projection of the tickets that differ. A full fix also records the plan the
     * projection now matches (see {@link #rebuildIfPlanChanged}).
     */
    public Result rebuild(boolean fix, Consumer<Difference> report) {
        long started = System.nanoTime();
        String fingerprint = PlanFingerprint.of(plan);
        long checked = 0;
        long differences = 0;
        long fixed = 0;
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sla-rebuild-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Batch> next = CompletableFuture.supplyAsync(() -> read(0), reader);
            while (true) {
                Batch batch = next.join();
                if (batch.histories().isEmpty()) {
                    break;
                }
                long last = batch.histories().getLast().number();
                next = CompletableFuture.supplyAsync(() -> read(last), reader);
                checked += batch.histories().size();
                List<TicketHistory> suspects = new ArrayList<>();
                Instant now = sla.now(); // after the batch was read: no step it holds is later
                for (TicketHistory history : batch.histories()) {
                    if (!compare(history, batch.stored().get(history.number()), now, null, null).isEmpty()) {
                        suspects.add(history);
                    }
                }
                for (int i = 0; i < suspects.size(); i += FIX_CHUNK) {
                    Confirmed confirmed = confirm(suspects.subList(i, Math.min(suspects.size(), i + FIX_CHUNK)), fix);
                    confirmed.differences().forEach(report);
                    differences += confirmed.differences().size();
                    fixed += confirmed.fixed();
                }
            }
        } finally {
            reader.shutdownNow();
        }
        if (fix) {
            jdbc.sql("UPDATE sla_projection SET plan_fingerprint = ?, rebuilt_at = ? WHERE id = 1")
                    .params(fingerprint, SlaBoard.utc(sla.now())).update();
        }
        return new Result(checked, differences, fixed, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Whether the projection was last rebuilt for this plan's calendars, targets and release windows. */
    public boolean planChanged() {
        String stored = jdbc.sql("SELECT plan_fingerprint FROM sla_projection WHERE id = 1").query(String.class)
                .optional().orElse(null);
        return !PlanFingerprint.of(plan).equals(stored);
    }

    /** At start-up: rebuilds every ticket's clocks when the plan they were computed for changed. */
    public java.util.Optional<Result> rebuildIfPlanChanged(Consumer<Difference> report) {
        return planChanged() ? java.util.Optional.of(rebuild(true, report)) : java.util.Optional.empty();
    }

    private record Batch(List<TicketHistory> histories, Map<Long, StoredClock[]> stored) {}

    private Batch read(long after) {
        List<TicketHistory> histories = tickets.clockHistories(after, BATCH);
        if (histories.isEmpty()) {
            return new Batch(histories, Map.of());
        }
        return new Batch(histories, board.rows(histories.getFirst().number(), histories.getLast().number()));
    }

    private record Confirmed(List<Difference> differences, int fixed) {}

    /**
     * Compares the suspects again holding their rows (ascending, in one short transaction): a ticket whose
     * version moved since it was read gets its history read again; what still differs is reported, and
     * fixed when asked. A deadlock with a writer holding several tickets is retried.
     */
    private Confirmed confirm(List<TicketHistory> suspects, boolean fix) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    List<Long> numbers = suspects.stream().map(TicketHistory::number).toList();
                    Map<Long, SlaBoard.Locked> locked = board.lock(numbers);
                    Instant now = sla.now(); // after the lock: the last writer's history is all in
                    // A ticket whose version moved since it was read was written meanwhile: its history again.
                    Map<Long, TicketHistory> reread = tickets.histories(suspects.stream()
                            .filter(h -> locked.containsKey(h.number()) && locked.get(h.number()).version() != h.version())
                            .map(TicketHistory::number).toList());
                    Map<Long, StoredClock[]> stored = board.rows(numbers);
                    List<Difference> differences = new ArrayList<>();
                    Map<Long, List<StoredClock>> rows = new LinkedHashMap<>();
                    Map<Long, Instant> due = new LinkedHashMap<>();
                    for (TicketHistory suspect : suspects) {
                        long n = suspect.number();
                        SlaBoard.Locked row = locked.get(n);
                        if (row == null) {
                            continue; // gone meanwhile (a restore): nothing to project
                        }
                        TicketHistory h = reread.getOrDefault(n, suspect);
                        h = new TicketHistory(n, h.createdAt(), h.team(), h.entries(), row.version(), row.dueAt());
                        List<Difference> found = compare(h, stored.get(n), now, rows, due);
                        if (found.isEmpty()) {
                            rows.remove(n);
                            due.remove(n);
                        }
                        differences.addAll(found);
                    }
                    // the due instant only where it differs: most fixed tickets are closed ones, due at no time
                    due.entrySet().removeIf(e -> Objects.equals(e.getValue(), locked.get(e.getKey()).dueAt()));
                    if (fix) {
                        board.replace(rows);
                        tickets.recordDue(due);
                    }
                    return new Confirmed(differences, fix ? rows.size() : 0);
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * The differences between a ticket's stored projection and its history. Each stored clock must be
     * the history's figures with the clock as it was at the row's {@code computed_at}; the due instant
     * must be the history's. When {@code rows} is given, the projection at {@code now} is added to it.
     */
    private List<Difference> compare(TicketHistory history, StoredClock[] stored, Instant now,
            Map<Long, List<StoredClock>> rows, Map<Long, Instant> dues) {
        SlaCalculator calculator = sla.calculator(history.team());
        Projection p = calculator.project(Timeline.of(history.createdAt(), history.entries()), Instant.MAX);
        Instant fresh = now.isBefore(p.historyAt()) ? p.historyAt() : now;
        List<Difference> differences = new ArrayList<>(0);
        StoredClock[] expected = new StoredClock[2];
        for (ClockKind kind : ClockKind.values()) {
            ClockFigures f = kind == ClockKind.TAKE_CHARGE ? p.takeCharge() : p.resolution();
            StoredClock s = stored == null ? null : stored[kind.ordinal()];
            // the clock as the history says it was when the row was stored; a row older than the history is stale
            Instant at = s == null || s.computedAt() == null || s.computedAt().isBefore(p.historyAt()) ? fresh
                    : s.computedAt();
            StoredClock e = Sla.row(calculator, p, f, at);
            expected[kind.ordinal()] = e;
            if (s == null) {
                differences.add(new Difference(history.number(), name(kind), "missing", describe(null, e, history)));
            } else if (!s.equals(e)) {
                differences.add(new Difference(history.number(), name(kind), describe(e, s, history),
                        describe(s, e, history)));
            }
        }
        Instant due = StoredClock.due(expected[0], expected[1]); // the same at any instant: the history fixes it
        if (!Objects.equals(due, history.dueAt())) {
            differences.add(new Difference(history.number(), "due", text(history.dueAt(), history), text(due, history)));
        }
        if (rows != null) {
            rows.put(history.number(), List.of(Sla.row(calculator, p, p.takeCharge(), fresh),
                    Sla.row(calculator, p, p.resolution(), fresh)));
            dues.put(history.number(), due);
        }
        return differences;
    }

    private static String name(ClockKind kind) {
        return kind == ClockKind.TAKE_CHARGE ? "take-charge" : "resolution";
    }

    /** The fields of {@code c} that differ from {@code other} (all of them when other is null), as name=value. */
    private String describe(StoredClock other, StoredClock c, TicketHistory history) {
        StringBuilder text = new StringBuilder();
        for (RecordComponent component : StoredClock.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(c);
                if (other != null && Objects.equals(value, component.getAccessor().invoke(other))) {
                    continue;
                }
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(component.getName()).append('=').append(value instanceof Instant i ? text(i, history) : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.isEmpty() ? "(same)" : text.toString();
    }

    /** An instant as the CLI writes them, in the zone of the ticket's calendar (to the microsecond if it has any). */
    private String text(Instant instant, TicketHistory history) {
        return instant == null ? "null" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(sla.deadlines(history.team()).calendar().zone()));
    }
}
