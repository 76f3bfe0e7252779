package dev.maintenancedesk.github;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.maintenancedesk.problem.Conflict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Applies stored deliveries. A delivery is claimed by one conditional update (so that of several
 * instances exactly one applies it), then applied and marked done in one transaction: a failure rolls
 * the whole change back and the delivery is tried again later (10 s, 30 s, 2 min, 10 min, 1 h), then
 * marked FAILED with its error. A local thread drains the queue as soon as a delivery is stored; a
 * db-scheduler recurring task sweeps it on whichever instance is free (retries, a restarted node).
 */
@Component
public class DeliveryWorker extends WakeableLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final int IMMEDIATE_TRIES = 3;

    private final DeliveryStore store;
    private final Map<String, DeliveryHandler> handlers = new HashMap<>();
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final boolean postgres;

    DeliveryWorker(DeliveryStore store, List<DeliveryHandler> handlers, PlatformTransactionManager transactions,
            Clock clock, @Value("${desk.github.worker.enabled:${desk.scheduling.enabled:true}}") boolean local,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, javax.sql.DataSource dataSource) {
        super("github-deliveries", Duration.ofSeconds(2), local, log);
        this.store = store;
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
        handlers.forEach(h -> h.events().forEach(e -> this.handlers.put(e, h)));
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Applies every delivery due now, claiming them in batches; returns how many were attempted. */
    public int drain() {
        int attempted = 0;
        String token = java.util.UUID.randomUUID().toString();
        while (true) {
            Instant now = clock.instant();
            List<String> claimed = store.claimDue(now, now.plus(CLAIM), 200, token);
            for (String id : claimed) {
                apply(id);
            }
            attempted += claimed.size();
            if (claimed.isEmpty()) {
                return attempted;
            }
        }
    }

    /** Claims and applies one delivery; false if it was not due or another worker has it. */
    boolean process(String id) {
        Instant now = clock.instant();
        if (!store.claim(id, now, now.plus(CLAIM))) {
            return false;
        }
        apply(id);
        return true;
    }

    /**
     * Applies a claimed delivery and records its outcome in one transaction. On PostgreSQL that
     * transaction does not wait for its WAL flush (synchronous_commit off): the delivery itself was stored
     * durably before it was acknowledged, so a crash can only lose the outcome, and applying it again
     * changes nothing (issue state compared by updated_at, comments by id).
     */
    private void apply(String id) {
        DeliveryStore.Claimed delivery = store.claimed(id).orElseThrow();
        String payload = delivery.payload();
        RuntimeException last = null;
        for (int i = 0; i < IMMEDIATE_TRIES; i++) {
            try {
                transaction.executeWithoutResult(status -> {
                    relaxCommit();
                    DeliveryHandler.Outcome outcome = apply(delivery.event(), payload);
                    store.finish(id, outcome.status(), outcome.note(), clock.instant());
                });
                return;
            } catch (ConcurrencyFailureException | DataIntegrityViolationException | Conflict e) {
                last = e; // another change crossed this one: read again and retry now
            } catch (RuntimeException e) {
                last = e;
                break;
            }
        }
        int attempts = delivery.attempts();
        String event = delivery.event();
        Instant next = attempts > BACKOFF.size() ? null : clock.instant().plus(BACKOFF.get(attempts - 1));
        log.warn("GitHub delivery {} ({}) failed on attempt {}: {}", id, event, attempts, last.toString());
        store.failed(id, last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage(), next,
                clock.instant());
    }

    private void relaxCommit() {
        if (postgres) {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        }
    }

    private DeliveryHandler.Outcome apply(String event, String payload) {
        DeliveryHandler handler = handlers.get(event);
        if (handler == null) {
            return DeliveryHandler.Outcome.ignored("event-unused", null);
        }
        JsonNode node = Payloads.JSON.readTree(payload);
        return handler.handle(event, node);
    }

    private static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Override
    void work() {
        drain();
    }

    /** The cluster-wide sweep: retries and deliveries left by an instance that stopped. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "desk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Sweep {
        @Bean
        RecurringTask<Void> githubDeliveriesSweep(DeliveryWorker worker) {
            return Tasks.recurring("github-deliveries", FixedDelay.ofSeconds(30)).execute((instance, context) -> worker.drain());
        }
    }
}
