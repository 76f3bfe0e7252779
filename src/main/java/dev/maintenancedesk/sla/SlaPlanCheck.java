package dev.maintenancedesk.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the server takes requests: when the calendars, SLA targets or release windows the
 * stored clocks were computed for are not the plan's any more (or they were never rebuilt), every
 * ticket's clocks are rebuilt from history ({@link SlaRebuild}), and the log says how many differed.
 * Several instances starting at once may each rebuild: the rebuild is idempotent and takes ticket locks.
 * {@code desk sla rebuild} turns it off for its own context (it rebuilds and reports itself).
 */
@Component
class SlaPlanCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SlaPlanCheck.class);
    private static final int LOGGED = 20;

    private final SlaRebuild rebuild;
    private final boolean enabled;

    SlaPlanCheck(SlaRebuild rebuild, @Value("${desk.sla.rebuild-on-plan-change:true}") boolean enabled) {
        this.rebuild = rebuild;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        int[] logged = {0};
        rebuild.rebuildIfPlanChanged(d -> {
            if (logged[0]++ < LOGGED) {
                log.info("SLA projection: {}", d);
            }
        }).ifPresent(r -> log.info("SLA projection rebuilt for the plan's calendars and targets: {} tickets checked, "
                + "{} differences fixed on {} tickets, in {} ms", r.tickets(), r.differences(), r.ticketsFixed(),
                r.took().toMillis()));
    }
}
