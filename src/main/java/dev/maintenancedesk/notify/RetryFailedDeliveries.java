package dev.maintenancedesk.notify;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A listener that failed (SMTP down, chat webhook answering 503) leaves its event incomplete in the
 * publication registry. Restarts republish those; this retries them meanwhile. Several instances may
 * retry the same event: {@link Outbox}'s claims keep every message to one delivery.
 */
@Component
class RetryFailedDeliveries {

    private final IncompleteEventPublications incomplete;
    private final Duration age;

    RetryFailedDeliveries(IncompleteEventPublications incomplete,
            @Value("${desk.notify.retry-after:PT5M}") Duration age) {
        this.incomplete = incomplete;
        this.age = age;
    }

    @Scheduled(fixedDelayString = "${desk.notify.retry-after:PT5M}", initialDelayString = "${desk.notify.retry-after:PT5M}")
    void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(age);
    }
}
