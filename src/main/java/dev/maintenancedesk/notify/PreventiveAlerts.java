package dev.maintenancedesk.notify;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.preventive.PreventiveActionAtRisk;
import dev.maintenancedesk.preventive.PreventiveActionOverdue;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The preventive calendar's alerts, sent like the SLA's: at risk to the ticket's assignee, overdue to the
 * assignee and the leads, each also to the team's chat; once per period ({@link Outbox} keys).
 */
@Component
class PreventiveAlerts {

    private final Users users;
    private final Tickets tickets;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Plan plan;

    PreventiveAlerts(Users users, Tickets tickets, Outbox outbox, MessageSource messages, Plan plan) {
        this.users = users;
        this.tickets = tickets;
        this.outbox = outbox;
        this.messages = messages;
        this.plan = plan;
    }

    @ApplicationModuleListener
    void on(PreventiveActionAtRisk e) {
        send("preventive-at-risk:" + e.actionKey() + ":" + e.period(), "notify.preventive.atRisk", e.ticketNumber(),
                e.dueAt(), false);
    }

    @ApplicationModuleListener
    void on(PreventiveActionOverdue e) {
        send("preventive-overdue:" + e.actionKey() + ":" + e.period(), "notify.preventive.overdue", e.ticketNumber(),
                e.dueAt(), true);
    }

    private void send(String key, String code, long number, Instant due, boolean leads) {
        TicketView ticket = tickets.get(number);
        Set<UserAccount> to = new LinkedHashSet<>();
        Optional.ofNullable(ticket.assignee()).flatMap(users::find).filter(UserAccount::enabled).ifPresent(to::add);
        if (leads) {
            to.addAll(users.withRoleAtLeast(Role.LEAD));
        }
        for (UserAccount user : to) {
            if (user.email() != null && !user.email().isBlank()) {
                outbox.mail(key, user.email(), text(code, number, ticket.title(), due, Reader.of(user, plan)));
            }
        }
        outbox.chat(key, text(code, number, ticket.title(), due, Reader.team(plan)));
    }

    private String text(String code, long number, String title, Instant due, Reader reader) {
        String when = reader.when(due, messages.getMessage("notify.format.when", null, reader.locale()));
        return messages.getMessage(code, new Object[] {String.valueOf(number), title, when}, reader.locale());
    }
}
