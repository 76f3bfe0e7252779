package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reading and moving a ticket throws no exception on the way: an exception builds its stack trace, which
 * cost more than the read itself when the row mapper caught one per two-word column (JDK Flight Recorder
 * counts every exception the test's thread creates).
 */
@DeskTest
class TicketReadExceptionsTest {

    @Autowired
    Tickets tickets;

    @Test
    void readingAndMovingATicketCreatesNoException() throws Exception {
        Actor desk = Actor.automation("desk");
        // once before recording: the JVM links the code paths on first use (and throws and catches doing so)
        readAndMove(opened(desk), desk);
        long n = opened(desk);
        Path file = Files.createTempFile("ticket-read", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.start();
            readAndMove(n, desk);
            recording.stop();
            recording.dump(file);
        }
        long thread = Thread.currentThread().threadId();
        List<String> thrown = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getThread() != null && e.getThread().getJavaThreadId() == thread)
                .map(TicketReadExceptionsTest::describe).toList();
        Files.delete(file);
        assertThat(thrown).isEmpty();
    }

    private long opened(Actor desk) {
        return tickets.create(new NewTicket("Slow report", "The monthly report takes a minute.",
                TicketType.CORRECTIVE, Priority.P3, List.of("performance"), null, null, null, null, null), desk).number();
    }

    private void readAndMove(long n, Actor desk) {
        for (int i = 0; i < 5; i++) {
            assertThat(tickets.get(n).number()).isEqualTo(n);
        }
        assertThat(tickets.transition(n, new TransitionRequest(TicketState.TRIAGED, null, null), desk).state())
                .isEqualTo(TicketState.TRIAGED);
    }

    private static String describe(RecordedEvent e) {
        return e.getClass("thrownClass").getName() + ": " + e.getString("message");
    }
}
