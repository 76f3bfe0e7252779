package dev.maintenancedesk.github;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A daemon thread that runs its work as soon as it is woken (a delivery stored, an outbox call committed)
 * and at least every {@code idle}; a failure is logged and the loop goes on. The cluster-wide sweeps
 * (db-scheduler) catch whatever another instance left; this only makes the local instance prompt.
 */
final class WakeableLoop {

    private final String name;
    private final Duration idle;
    private final Runnable work;
    private final Logger log;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;

    WakeableLoop(String name, Duration idle, Runnable work, Logger log) {
        this.name = name;
        this.idle = idle;
        this.work = work;
        this.log = log;
    }

    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    void start() {
        if (thread != null) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    signal.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                    work.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("{}: {}", name, e.toString());
                }
            }
        });
    }

    void stop() {
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

    boolean running() {
        return thread != null;
    }
}
