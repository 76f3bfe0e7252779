package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.maintenancedesk.DeskTest;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** Normal client aborts are DEBUG lines without a trace; a bug is still an ERROR with one; Flyway prints no query table. */
@DeskTest
class QuietLogsTest {

    @Autowired
    Flyway flyway;

    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiProblems.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level level;

    @BeforeEach
    void listen() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/tickets"), new MockHttpServletResponse());
    }

    @Test
    void aClientThatWentAwayIsADebugLineWithoutATrace() throws Exception {
        ApiProblems problems = new ApiProblems();
        assertThat(problems.unexpected(new ClientAbortException(new IOException("Broken pipe")), request())).isNull();
        assertThat(problems.unexpected(new AsyncRequestNotUsableException("Response not usable after response errors."),
                request())).isNull();
        assertThat(problems.unexpected(new IOException("Connection reset by peer"), request())).isNull();
        assertThat(appender.list).hasSize(3).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void aBugIsStillAnErrorWithItsTrace() throws Exception {
        ResponseEntity<Object> answer = new ApiProblems().unexpected(new IllegalStateException("boom"), request());
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void migrationsPrintNoQueryResults() {
        assertThat(flyway.getConfiguration().isOutputQueryResults()).isFalse();
    }
}
