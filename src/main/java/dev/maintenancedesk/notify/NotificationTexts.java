package dev.maintenancedesk.notify;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.SlaTargetText;
import dev.maintenancedesk.sla.ClockKind;
import dev.maintenancedesk.tickets.TicketState;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The words of each notification ({@code notify.*} message texts), for one reader; targets are the plan's. */
@Component
class NotificationTexts {

    private final MessageSource messages;
    private final Plan plan;

    NotificationTexts(MessageSource messages, Plan plan) {
        this.messages = messages;
        this.plan = plan;
    }

    String atRisk(long ticket, String title, String priority, ClockKind clock, Instant deadline, Reader reader) {
        return sla("notify.sla.atRisk", ticket, title, priority, clock, deadline, reader);
    }

    String breached(long ticket, String title, String priority, ClockKind clock, Instant deadline, Reader reader) {
        return sla("notify.sla.breached", ticket, title, priority, clock, deadline, reader);
    }

    String newP1(long ticket, String title, Reader reader) {
        MessageSourceResolvable target = SlaTargetText.of(plan.sla().targets(Priority.P1).takeCharge());
        return text(reader, "notify.p1.new", String.valueOf(ticket), title, messages.getMessage(target, reader.locale()));
    }

    /** The words are the postmortem module's ({@code postmortem.notify.recurrence}). */
    String recurrence(long ticket, String title, String cause, Reader reader) {
        return text(reader, "postmortem.notify.recurrence", String.valueOf(ticket), title, cause);
    }

    String assigned(long ticket, String title, String by, Reader reader) {
        return text(reader, "words.notify.assigned", String.valueOf(ticket), title, by);
    }

    String commented(long ticket, String title, String by, Reader reader) {
        return text(reader, "words.notify.commented", String.valueOf(ticket), title, by);
    }

    String transitioned(long ticket, String title, TicketState from, TicketState to, String by, Reader reader) {
        return text(reader, "words.notify.transitioned", String.valueOf(ticket), title,
                text(reader, "state." + from), text(reader, "state." + to), by);
    }

    private String sla(String code, long ticket, String title, String priority, ClockKind clock, Instant deadline,
            Reader reader) {
        return text(reader, code, String.valueOf(ticket), title, priority, text(reader, "notify.clock." + clock),
                reader.when(deadline, text(reader, "notify.format.when")));
    }

    private String text(Reader reader, String code, Object... args) {
        return messages.getMessage(code, args, reader.locale());
    }
}
