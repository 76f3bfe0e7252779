package dev.maintenancedesk.preventive;

import dev.maintenancedesk.DeskApplication;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole desks (the server's application, no port) started by a test on one PostgreSQL database, each with
 * its own clock: two in sequence are a restart, two at once are two instances of a cluster.
 */
final class Desks {

    private Desks() {
    }

    /** One running desk, the clock it reads and the calendar events it published. */
    record Desk(ConfigurableApplicationContext context, MutableClock clock, List<Object> events) implements AutoCloseable {

        PreventiveCalendar calendar() {
            return context.getBean(PreventiveCalendar.class);
        }

        JdbcClient jdbc() {
            return context.getBean(JdbcClient.class);
        }

        <T> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** A desk on {@code url} whose clock reads {@code now}; {@code extra} are further command-line properties. */
    static Desk start(String url, Instant now, String... extra) {
        MutableClock clock = new MutableClock(now);
        List<Object> events = new CopyOnWriteArrayList<>();
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=",
                "--spring.datasource.password=", "--server.port=-1", "--desk.scheduling.enabled=false",
                "--db-scheduler.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD));
        for (String e : extra) {
            // a repeated command-line option would become a list ("false,true"): the later one replaces it
            args.removeIf(a -> a.startsWith(e.substring(0, e.indexOf('=') + 1)));
            args.add(e);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DeskApplication.class, TestParts.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .initializers(c -> c.getBeanFactory().registerSingleton("preventiveTestClock", clock),
                        c -> c.getBeanFactory().registerSingleton("preventiveTestEvents", events))
                .run(args.toArray(String[]::new));
        return new Desk(context, clock, events);
    }

    /**
     * Makes the test's clock the desk's clock and records the calendar's events. A source of the builder, not a
     * {@code @Configuration}: component scanning must not bring it into other tests' applications.
     */
    static class TestParts {

        @Bean
        @Primary
        Clock primaryClock(ConfigurableApplicationContext context) {
            return (Clock) context.getBean("preventiveTestClock");
        }

        @Bean
        EventRecorder preventiveEventRecorder(ConfigurableApplicationContext context) {
            @SuppressWarnings("unchecked")
            List<Object> events = (List<Object>) context.getBean("preventiveTestEvents");
            return new EventRecorder(events);
        }
    }

    static final class EventRecorder {

        private final List<Object> events;

        EventRecorder(List<Object> events) {
            this.events = events;
        }

        @EventListener
        void on(PreventiveTicketOpened event) {
            events.add(event);
        }

        @EventListener
        void on(PreventiveActionAtRisk event) {
            events.add(event);
        }

        @EventListener
        void on(PreventiveActionOverdue event) {
            events.add(event);
        }
    }
}
