package dev.maintenancedesk.kpi;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets that have no KPI facts yet (those made before the kpi module existed, or restored from a backup
 * without them) get them at start, in batches, in the background; every later change writes them in its
 * own transaction. Idempotent and safe with several instances doing it at once: each ticket is refreshed
 * under its row lock.
 */
@Component
class FactsBackfill {

    private static final Logger log = LoggerFactory.getLogger(FactsBackfill.class);
    static final int BATCH = 200;

    private final TicketFacts facts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    FactsBackfill(TicketFacts facts, JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${desk.scheduling.enabled:true}") boolean enabled) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (enabled) {
            Thread.ofVirtual().name("kpi-facts-backfill").start(this::run);
        }
    }

    /** Fills the missing facts; returns how many tickets got theirs. */
    int run() {
        int done = 0;
        long after = 0;
        try {
            while (true) {
                List<Long> missing = jdbc.sql("""
                        SELECT t.number FROM tickets t
                        WHERE t.number > :after
                          AND NOT EXISTS (SELECT 1 FROM kpi_ticket_facts f WHERE f.ticket_number = t.number)
                        ORDER BY t.number LIMIT :limit""").param("after", after).param("limit", BATCH)
                        .query(Long.class).list();
                if (missing.isEmpty()) {
                    break;
                }
                for (long number : missing) {
                    transactions.executeWithoutResult(status -> facts.refresh(number));
                    done++;
                }
                after = missing.getLast();
            }
        } catch (RuntimeException e) {
            log.warn("KPI facts backfill stopped after {} tickets: {}", done, e.getMessage());
        }
        if (done > 0) {
            log.info("KPI facts computed for {} tickets that had none", done);
        }
        return done;
    }
}
