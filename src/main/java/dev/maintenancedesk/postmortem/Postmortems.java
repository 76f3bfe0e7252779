package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PostmortemRule;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.TextRules;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionGate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-mortems for the tickets the plan names (section 14: P1 and security). It adds the closing gate
 * to the workflow, so a P1 or security ticket cannot be closed before its post-mortem is complete.
 */
@Service
@Transactional
public class Postmortems implements TransitionGate {

    static final int SECTION_MAX = 20_000;

    private final JdbcClient jdbc;
    private final Plan plan;
    private final Tickets tickets;
    private final Clock clock;

    Postmortems(JdbcClient jdbc, Plan plan, Tickets tickets, Clock clock) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public List<String> unmet(TicketView ticket, TicketState target) {
        if (target != TicketState.CLOSED || !required(ticket)) {
            return List.of();
        }
        return missing(ticket.number());
    }

    /** One requirement key per section still empty ({@code postmortem.<section>}), in the plan's order. */
    private List<String> missing(long number) {
        Map<String, String> texts = texts(number);
        return rule().sections().stream().filter(s -> texts.getOrDefault(s.key(), "").isBlank())
                .map(s -> "postmortem." + s.key()).toList();
    }

    @Transactional(readOnly = true)
    public Postmortem get(long number) {
        TicketView ticket = tickets.get(number);
        Map<String, String> texts = texts(number);
        List<Postmortem.Section> sections = rule().sections().stream()
                .map(s -> new Postmortem.Section(s.key(), s.title().in(plan.language()), texts.getOrDefault(s.key(), "")))
                .toList();
        var meta = jdbc.sql("SELECT updated_by, updated_at FROM postmortems WHERE ticket_number = ?").param(number)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
        return new Postmortem(number, required(ticket), sections.stream().noneMatch(s -> s.text().isBlank()), sections,
                meta.map(Map.Entry::getKey).orElse(null), meta.map(Map.Entry::getValue).orElse(null));
    }

    /**
     * Writes the given sections (others keep their text); unknown section keys are refused. Concurrent
     * writers of one post-mortem take turns: the first write creates the row without racing (an insert
     * that does nothing when another writer created it first), then every writer locks that row before
     * touching the sections, so parallel first writes all succeed and leave the sections whole.
     */
    /** Developers and above write post-mortems; the pages ask rather than decide. */
    public boolean mayWrite(Actor actor) {
        return actor.atLeast(Role.DEVELOPER);
    }

    public Postmortem write(long number, Map<String, String> sections, Actor actor) {
        if (!mayWrite(actor)) {
            throw new Forbidden("postmortem-forbidden", "only a developer or above may write a post-mortem");
        }
        // The ticket's history entry, in this transaction (a refusal below rolls it back). Written first:
        // the writers of one post-mortem take turns below, and none should hold the row lock meanwhile.
        tickets.recordPostmortem(number, actor);
        List<String> keys = rule().sections().stream().map(PostmortemRule.PostmortemSection::key).toList();
        List<FieldError> errors = new ArrayList<>();
        for (var entry : sections.entrySet()) {
            String field = "sections." + entry.getKey();
            FieldError error = keys.contains(entry.getKey())
                    ? TextRules.problem(field, entry.getValue(), SECTION_MAX)
                    : FieldError.of(field, "unknown-section", "unknown section (the plan's sections: "
                            + String.join(", ", keys) + ")", String.join(", ", keys));
            if (error != null) {
                errors.add(error);
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO postmortems (ticket_number, updated_by, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(number, actor.username(), now).update();
        jdbc.sql("UPDATE postmortems SET updated_by = ?, updated_at = ? WHERE ticket_number = ?")
                .params(actor.username(), now, number).update();
        sections.forEach((key, text) -> {
            jdbc.sql("DELETE FROM postmortem_sections WHERE ticket_number = ? AND section_key = ?").params(number, key).update();
            if (text != null && !text.isBlank()) {
                jdbc.sql("INSERT INTO postmortem_sections (ticket_number, section_key, body) VALUES (?, ?, ?)")
                        .params(number, key, text.strip()).update();
            }
        });
        return get(number);
    }

    private boolean required(TicketView ticket) {
        return plan.needsPostmortem(ticket.priority(), ticket.labels());
    }

    private Map<String, String> texts(long number) {
        Map<String, String> texts = new HashMap<>();
        jdbc.sql("SELECT section_key, body FROM postmortem_sections WHERE ticket_number = ?").param(number)
                .query(rs -> {
                    texts.put(rs.getString(1), rs.getString(2));
                });
        return texts;
    }

    private PostmortemRule rule() {
        return plan.postmortem();
    }
}
