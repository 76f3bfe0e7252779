package dev.maintenancedesk.web;

import dev.maintenancedesk.problem.Unavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bounded queue in front of the desk (issue 15). With virtual threads Tomcat takes every connection's request
 * at once, so under overload they would all compete for the CPU and the database pool and every answer would
 * get slower without bound. Here at most {@code desk.http.max-concurrent} requests run; up to
 * {@code desk.http.max-queued} more wait, each at most {@code desk.http.queue-timeout}; anything beyond is
 * answered at once 503 {@code overloaded} with {@code Retry-After} (by {@link DatabaseOutageAnswers}, which
 * answers every 503 the same way: problem+json, or the page in the visitor's language), before its session or
 * token is read — a refusal costs next to nothing and changes nothing.
 * <p>
 * Not queued: health (a load balancer must see an overloaded desk is alive), static files, and GitHub's webhook
 * deliveries (GitHub does not send a refused delivery again, and receiving one only stores it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11) // inside DatabaseOutageAnswers (+10), before Spring Session (+50)
class RequestQueue extends OncePerRequestFilter {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore running;
    private final int maxQueued;
    private final long timeoutNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter refused;

    RequestQueue(@Value("${desk.http.max-concurrent:10}") int maxConcurrent,
            @Value("${desk.http.max-queued:256}") int maxQueued,
            @Value("${desk.http.queue-timeout:2s}") Duration timeout, MeterRegistry meters) {
        if (maxConcurrent < 1 || maxQueued < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("desk.http.max-concurrent must be at least 1, desk.http.max-queued and"
                    + " desk.http.queue-timeout at least 0 (were " + maxConcurrent + ", " + maxQueued + ", " + timeout + ")");
        }
        this.running = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.timeoutNanos = timeout.toNanos();
        this.refused = Counter.builder("desk.http.overloaded").description("requests refused 503 by the bounded queue")
                .register(meters);
        Gauge.builder("desk.http.queued", waiting, AtomicInteger::get)
                .description("requests waiting for a place in the bounded queue").register(meters);
        Gauge.builder("desk.http.running", running, places -> maxConcurrent - places.availablePermits())
                .description("requests running, at most desk.http.max-concurrent").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/webhooks/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enter()) {
            refused.increment();
            throw new Unavailable("overloaded", "The desk has more requests than it can answer in time; this one was"
                    + " not processed and nothing was changed. Send it again after Retry-After seconds.", RETRY_AFTER);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    /** A place to run now, or after waiting in a queue that is not full, or none. */
    private boolean enter() {
        try {
            // a free place, unless others already wait for one (the semaphore is fair: first come, first served)
            if (running.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
