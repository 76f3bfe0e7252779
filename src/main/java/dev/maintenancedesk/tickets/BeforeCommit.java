package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Plan;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work a module keeps in step with ticket events inside the transaction that wrote them (the SLA projection,
 * the KPI facts): each ticket is handed over once, however many of its events the transaction published, in
 * ascending order (as every writer of several tickets goes), just before the commit — when the whole history
 * of the change is written and the writer still holds the tickets' rows. Work of a lower {@code order} runs
 * first. Every piece of work gets the same {@link WrittenTicket}: the ticket as its writer left it (no re-read)
 * and its history, read once for all of them.
 */
@Component
public class BeforeCommit {

    private final TicketRepository repository;
    private final ZoneId zone;

    BeforeCommit(TicketRepository repository, Plan plan) {
        this.repository = repository;
        this.zone = plan.calendar().zone();
    }

    /**
     * Marks the ticket for {@code work} before the current transaction commits, or hands its number to
     * {@code withoutTransaction} at once when there is none.
     */
    public void mark(Object owner, int order, long number, Consumer<WrittenTicket> work,
            LongConsumer withoutTransaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            withoutTransaction.accept(number);
            return;
        }
        Written written = written();
        // the synchronizations of this very transaction (an inner REQUIRES_NEW one has its own list)
        Marked marked = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Marked m && m.owner == owner).map(Marked.class::cast).findFirst()
                .orElse(null);
        if (marked == null) {
            marked = new Marked(owner, order, work, written);
            TransactionSynchronizationManager.registerSynchronization(marked);
        }
        marked.numbers.add(number);
    }

    /**
     * The writer's ticket as its write left it: the marked work reads this instead of the row; {@code opened}
     * when this write created it.
     */
    void wrote(TicketView ticket, boolean opened) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Written written = written();
            written.tickets.put(ticket.number(), ticket);
            if (opened) {
                written.opened.add(ticket.number());
            }
        }
    }

    /**
     * This transaction's written tickets, kept with its synchronizations (an inner REQUIRES_NEW transaction has
     * its own list, so its own tickets).
     */
    private Written written() {
        Written written = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Written w && w.owner == this).map(Written.class::cast).findFirst()
                .orElse(null);
        if (written == null) {
            written = new Written(this);
            TransactionSynchronizationManager.registerSynchronization(written);
        }
        return written;
    }

    /** The ticket (its writer's copy when given, else read) with its whole history; null when there is none. */
    WrittenTicket read(long number, TicketView ticket, boolean opened) {
        TicketHistory history = repository.historyWithTicket(number, zone).orElse(null);
        if (history == null) {
            return null;
        }
        return new WrittenTicket(ticket != null ? ticket : repository.find(number).orElseThrow().view(zone), history,
                opened);
    }

    private static final class Written implements TransactionSynchronization {

        private final BeforeCommit owner;
        private final Map<Long, TicketView> tickets = new HashMap<>();
        private final Map<Long, WrittenTicket> loaded = new HashMap<>();
        private final Set<Long> opened = new HashSet<>();

        Written(BeforeCommit owner) {
            this.owner = owner;
        }

        /** Read when the first piece of work asks, after every write of the transaction; null if gone. */
        WrittenTicket get(long number) {
            if (!loaded.containsKey(number)) {
                loaded.put(number, owner.read(number, tickets.get(number), opened.contains(number)));
            }
            return loaded.get(number);
        }
    }

    private static final class Marked implements TransactionSynchronization {

        private final Object owner;
        private final int order;
        private final Consumer<WrittenTicket> work;
        private final Written written;
        private final TreeSet<Long> numbers = new TreeSet<>();

        Marked(Object owner, int order, Consumer<WrittenTicket> work, Written written) {
            this.owner = owner;
            this.order = order;
            this.work = work;
            this.written = written;
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (long number : numbers) {
                WrittenTicket ticket = written.get(number);
                if (ticket != null) {
                    work.accept(ticket);
                }
            }
        }
    }
}
