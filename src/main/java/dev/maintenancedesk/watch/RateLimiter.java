package dev.maintenancedesk.watch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} acquisitions in any sliding {@code window} (NVD: 5 requests per 30 s without an API
 * key, 50 with one). The clock and the wait are injected: tests drive a fake clock and see the waits asked for.
 */
final class RateLimiter {

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int permits;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Deque<Long> granted = new ArrayDeque<>();

    RateLimiter(int permits, Duration window, LongSupplier nanoTime, Sleeper sleeper) {
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static RateLimiter system(int permits, Duration window) {
        return new RateLimiter(permits, window, System::nanoTime, d -> Thread.sleep(d));
    }

    /** Waits until one more request fits in the window, then counts it. */
    synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
                granted.removeFirst();
            }
            if (granted.size() < permits) {
                granted.addLast(now);
                return;
            }
            sleeper.sleep(Duration.ofNanos(granted.peekFirst() + windowNanos - now));
        }
    }
}
