package dev.maintenancedesk.notify;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.sla.ClockKind;
import dev.maintenancedesk.sla.SlaAtRisk;
import dev.maintenancedesk.sla.SlaBreached;
import dev.maintenancedesk.tickets.TicketCreated;
import dev.maintenancedesk.tickets.TicketPriorityChanged;
import dev.maintenancedesk.tickets.Tickets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into messages: at-risk clocks to the assignee; breaches and new P1 tickets to the
 * assignee and the leads; each also to the team's chat. Listeners run after the event's transaction
 * commits and are retried from the event publication registry until they succeed, so a crash between
 * commit and send only delays the message; {@link Outbox} makes sure a redelivery sends nothing twice.
 */
@Component
class Notifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm xxx", java.util.Locale.FRENCH);

    private final Users users;
    private final Tickets tickets;
    private final Outbox outbox;
    private final ZoneId zone;

    Notifications(Users users, Tickets tickets, Outbox outbox, dev.maintenancedesk.plan.Plan plan) {
        this.users = users;
        this.tickets = tickets;
        this.outbox = outbox;
        this.zone = plan.calendar().zone();
    }

    @ApplicationModuleListener
    void on(SlaAtRisk e) {
        String key = "sla-at-risk:" + e.ticket() + ":" + e.clock() + ":" + e.deadline();
        String text = "SLA à risque — #" + e.ticket() + " " + title(e.ticket()) + " (" + e.priority() + ", "
                + clock(e.clock()) + ") : échéance " + WHEN.format(e.deadline().atZone(zone));
        send(key, text, assignee(e.assignee()));
    }

    @ApplicationModuleListener
    void on(SlaBreached e) {
        String key = "sla-breached:" + e.ticket() + ":" + e.clock() + ":" + e.deadline();
        String text = "SLA dépassé — #" + e.ticket() + " " + title(e.ticket()) + " (" + e.priority() + ", "
                + clock(e.clock()) + ") : échéance " + WHEN.format(e.deadline().atZone(zone)) + " passée";
        send(key, text, withLeads(assignee(e.assignee())));
    }

    @ApplicationModuleListener
    void on(TicketCreated e) {
        if (e.priority() == Priority.P1) {
            newP1(e.number(), "p1-created:" + e.number());
        }
    }

    @ApplicationModuleListener
    void on(TicketPriorityChanged e) {
        if (e.after() == Priority.P1 && e.before() != Priority.P1) {
            newP1(e.number(), "p1-raised:" + e.number() + ":" + e.at());
        }
    }

    private void newP1(long number, String key) {
        send(key, "Nouveau P1 — #" + number + " " + title(number) + " : prise en compte sous 1h ouvrée",
                withLeads(assignee(tickets.get(number).assignee())));
    }

    private void send(String key, String text, Set<UserAccount> recipients) {
        for (UserAccount user : recipients) {
            if (user.email() != null && !user.email().isBlank()) {
                outbox.mail(key, user.email(), text);
            }
        }
        outbox.chat(key, text);
    }

    private Set<UserAccount> assignee(String username) {
        Set<UserAccount> to = new LinkedHashSet<>();
        Optional.ofNullable(username).flatMap(users::find).filter(UserAccount::enabled).ifPresent(to::add);
        return to;
    }

    private Set<UserAccount> withLeads(Set<UserAccount> to) {
        to.addAll(users.withRoleAtLeast(Role.LEAD));
        return to;
    }

    private String title(long number) {
        return "« " + tickets.get(number).title() + " »";
    }

    private static String clock(ClockKind kind) {
        return kind == ClockKind.TAKE_CHARGE ? "prise en compte" : "correction";
    }
}
