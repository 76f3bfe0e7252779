package dev.maintenancedesk.github;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread that runs its work as soon as it is woken (a delivery stored, an outbox call committed)
 * and at least every {@code idle}; a failure is logged and the loop goes on. The cluster-wide sweeps
 * (db-scheduler) catch whatever another instance left; this only makes the local instance prompt. The
 * delivery worker and the outbox dispatcher are such loops; {@code local} false (tests driving them, a CLI
 * context) starts no thread.
 */
abstract class WakeableLoop implements SmartLifecycle {

    private final String name;
    private final Duration idle;
    private final boolean local;
    private final Logger log;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;

    WakeableLoop(String name, Duration idle, boolean local, Logger log) {
        this.name = name;
        this.idle = idle;
        this.local = local;
        this.log = log;
    }

    /** One round of the work: everything due now. */
    abstract void work();

    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public void start() {
        if (!local || thread != null) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    signal.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                    work();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("{}: {}", name, e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
