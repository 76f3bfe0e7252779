package dev.maintenancedesk.faults;

import dev.maintenancedesk.DeskApplication;
import dev.maintenancedesk.DeskTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One whole desk, as {@code desk serve} runs it (HTTP on a free loopback port, its scheduled work on), started
 * by a test on a database of its choice: two on one database are two instances of a cluster. The admin's
 * password and token are the suite's; {@code clock}, when given, is the desk's clock.
 */
record DeskInstance(ConfigurableApplicationContext context, int port) implements AutoCloseable {

    static DeskInstance start(String url, Clock clock, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + url, "--spring.datasource.username=", "--spring.datasource.password=",
                "--server.shutdown=immediate", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD, "--DESK_ADMIN_TOKEN=" + DeskTest.ADMIN_TOKEN,
                // every test client is 127.0.0.1: the guessing brake is not what these tests are about
                "--desk.security.address-free-failures=1000000", "--desk.security.pair-free-failures=1000000"));
        for (String e : extra) {
            // a repeated command-line option would become a list ("false,true"): the later one replaces it
            args.removeIf(a -> a.startsWith(e.substring(0, e.indexOf('=') + 1)));
            args.add(e);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DeskApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false);
        if (clock != null) {
            builder.sources(TestClock.class).initializers(c -> c.getBeanFactory().registerSingleton("faultsTestClock", clock));
        }
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        return new DeskInstance(context, context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Makes the test's clock the desk's. A source of the builder, not a {@code @Configuration}: component scanning
     * must not bring it into other tests' applications.
     */
    static class TestClock {

        @Bean
        @Primary
        Clock faultsPrimaryClock(ConfigurableApplicationContext context) {
            return (Clock) context.getBean("faultsTestClock");
        }
    }
}
