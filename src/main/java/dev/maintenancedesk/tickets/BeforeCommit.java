package dev.maintenancedesk.tickets;

import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work a module keeps in step with ticket events inside the transaction that wrote them (the SLA projection,
 * the KPI facts): each ticket is handed over once, however many of its events the transaction published, in
 * ascending order (as every writer of several tickets goes), just before the commit — when the whole history
 * of the change is written and the writer still holds the tickets' rows. Synchronizations of a lower
 * {@code order} run first.
 */
public final class BeforeCommit {

    private BeforeCommit() {}

    /**
     * Marks the ticket for {@code work} before the current transaction commits, or hands it to
     * {@code withoutTransaction} at once when there is none.
     */
    public static void mark(Object owner, int order, long number, LongConsumer work, LongConsumer withoutTransaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            withoutTransaction.accept(number);
            return;
        }
        // the synchronizations of this very transaction (an inner REQUIRES_NEW one has its own list)
        Marked marked = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Marked m && m.owner == owner).map(Marked.class::cast).findFirst()
                .orElse(null);
        if (marked == null) {
            marked = new Marked(owner, order, work);
            TransactionSynchronizationManager.registerSynchronization(marked);
        }
        marked.numbers.add(number);
    }

    private static final class Marked implements TransactionSynchronization {

        private final Object owner;
        private final int order;
        private final LongConsumer work;
        private final TreeSet<Long> numbers = new TreeSet<>();

        Marked(Object owner, int order, LongConsumer work) {
            this.owner = owner;
            this.order = order;
            this.work = work;
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            numbers.forEach(work::accept);
        }
    }
}
