package dev.maintenancedesk.notify;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.postmortem.RecurrenceDetected;
import dev.maintenancedesk.sla.SlaAtRisk;
import dev.maintenancedesk.sla.SlaBreached;
import dev.maintenancedesk.tickets.FieldChange;
import dev.maintenancedesk.tickets.TicketCommented;
import dev.maintenancedesk.tickets.TicketCreated;
import dev.maintenancedesk.tickets.TicketEdited;
import dev.maintenancedesk.tickets.TicketPriorityChanged;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into messages: at-risk clocks to the assignee; breaches and new P1 tickets to the
 * assignee and the leads; each also to the team's chat. A mail is written in its recipient's language and
 * time zone (their profile), the chat in the plan's. Listeners run after the event's transaction commits
 * and are retried from the event publication registry until they succeed, so a crash between commit and
 * send only delays the message; {@link Outbox} makes sure a redelivery sends nothing twice.
 * <p>
 * Personal mails, each of a {@link NotificationKind} its recipient may turn off ({@link NotificationPreferences}),
 * never about what the recipient did themselves: the new assignee on assignment, the assignee on a comment, the
 * reporter on a change of state.
 */
@Component
class Notifications {

    private final Users users;
    private final Tickets tickets;
    private final Outbox outbox;
    private final NotificationTexts texts;
    private final Plan plan;
    private final NotificationPreferences preferences;

    Notifications(Users users, Tickets tickets, Outbox outbox, NotificationTexts texts, Plan plan,
            NotificationPreferences preferences) {
        this.preferences = preferences;
        this.users = users;
        this.tickets = tickets;
        this.outbox = outbox;
        this.texts = texts;
        this.plan = plan;
    }

    @ApplicationModuleListener
    void on(SlaAtRisk e) {
        String key = "sla-at-risk:" + e.ticket() + ":" + e.clock() + ":" + e.deadline();
        String title = title(e.ticket());
        send(key, assignee(e.assignee()),
                r -> texts.atRisk(e.ticket(), title, e.priority(), e.clock(), e.deadline(), r));
    }

    @ApplicationModuleListener
    void on(SlaBreached e) {
        String key = "sla-breached:" + e.ticket() + ":" + e.clock() + ":" + e.deadline();
        String title = title(e.ticket());
        send(key, withLeads(assignee(e.assignee())),
                r -> texts.breached(e.ticket(), title, e.priority(), e.clock(), e.deadline(), r));
    }

    // The conditions keep the events that send nothing out of the publication registry: no row to store
    // and complete for most ticket writes.
    @ApplicationModuleListener(condition = "#e.priority() == T(dev.maintenancedesk.plan.Priority).P1")
    void on(TicketCreated e) {
        newP1(e.number(), "p1-created:" + e.number());
    }

    @ApplicationModuleListener(condition = "#e.becameP1()")
    void on(TicketPriorityChanged e) {
        newP1(e.number(), "p1-raised:" + e.number() + ":" + e.at());
    }

    @ApplicationModuleListener(condition = "#e.assignedSomeone()")
    void on(TicketEdited e) {
        for (FieldChange change : e.changes()) {
            if (change.field() == TicketView.Field.ASSIGNEE && change.after() != null) {
                String title = title(e.number());
                String by = nameOf(e.actor());
                personal("assigned:" + e.number() + ":" + e.at() + ":" + change.after(), change.after(), e.actor(),
                        NotificationKind.ASSIGNED, r -> texts.assigned(e.number(), title, by, r));
            }
        }
    }

    @ApplicationModuleListener
    void on(TicketCommented e) {
        TicketView ticket = tickets.get(e.number());
        String by = nameOf(e.author());
        personal("commented:" + e.number() + ":" + e.commentId(), ticket.assignee(), e.author(),
                NotificationKind.COMMENTED, r -> texts.commented(e.number(), ticket.title(), by, r));
    }

    @ApplicationModuleListener(condition = "#e.byOtherThanReporter()")
    void on(TicketTransitioned e) {
        TicketView ticket = tickets.get(e.number());
        String by = nameOf(e.actor());
        personal("transitioned:" + e.number() + ":" + e.at() + ":" + e.to(), ticket.reporter(), e.actor(),
                NotificationKind.STATE_CHANGED,
                r -> texts.transitioned(e.number(), ticket.title(), e.from(), e.to(), by, r));
    }

    /** An incident came back after its cause's corrective tickets were all closed: the leads hear of it. */
    @ApplicationModuleListener
    void on(RecurrenceDetected e) {
        send("recurrence:" + e.ticket() + ":" + e.causeId(), withLeads(new LinkedHashSet<>()),
                r -> texts.recurrence(e.ticket(), e.ticketTitle(), e.causeTitle(), r));
    }

    /** A mail to one person about what someone else did, unless they turned that kind off. */
    private void personal(String key, String recipient, String actor, NotificationKind kind,
            Function<Reader, String> text) {
        if (recipient == null || recipient.equals(actor) || !preferences.wants(recipient, kind)) {
            return;
        }
        for (UserAccount user : assignee(recipient)) {
            if (user.email() != null && !user.email().isBlank()) {
                outbox.mail(key, user.email(), text.apply(Reader.of(user, plan)));
            }
        }
    }

    private String nameOf(String username) {
        return username == null ? "" : users.find(username).map(UserAccount::displayName)
                .filter(n -> n != null && !n.isBlank()).orElse(username);
    }

    private void newP1(long number, String key) {
        String title = title(number);
        send(key, withLeads(assignee(tickets.get(number).assignee())), r -> texts.newP1(number, title, r));
    }

    private void send(String key, Set<UserAccount> recipients, Function<Reader, String> text) {
        for (UserAccount user : recipients) {
            if (user.email() != null && !user.email().isBlank()) {
                outbox.mail(key, user.email(), text.apply(Reader.of(user, plan)));
            }
        }
        outbox.chat(key, text.apply(Reader.team(plan)));
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
        return tickets.get(number).title();
    }
}
