package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PostmortemRule;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionGate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-mortems for the tickets the plan names (section 14: P1 and security). It adds the closing gate
 * to the workflow, so a P1 or security ticket cannot be closed before its post-mortem is complete. Beside
 * the sections' texts a post-mortem holds the impact window, an editable chronology pre-filled from the
 * ticket's history, its root causes ({@link RootCauses}) and long-term fixes opened as tickets.
 */
@Service
@Transactional
public class Postmortems implements TransitionGate {

    static final int SECTION_MAX = 20_000;
    static final int LINE_MAX = 1000;
    static final int MAX_USERS = 2_000_000_000;

    private final JdbcClient jdbc;
    private final Plan plan;
    private final Tickets tickets;
    private final Users users;
    private final RootCauses causes;
    private final Chronology chronology;
    private final Incidents incidents;
    private final MessageSource messages;
    private final Clock clock;

    Postmortems(JdbcClient jdbc, Plan plan, Tickets tickets, Users users, RootCauses causes, Chronology chronology,
            Incidents incidents, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.tickets = tickets;
        this.users = users;
        this.causes = causes;
        this.chronology = chronology;
        this.incidents = incidents;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<String> unmet(TicketView ticket, TicketState target) {
        if (target != TicketState.CLOSED || !required(ticket)) {
            return List.of();
        }
        return missing(ticket.number(), texts(ticket.number()), impact(ticket.number(), incidents.zone(ticket)));
    }

    /**
     * One requirement key per section not written yet ({@code postmortem.<section>}), in the plan's order.
     * A section is written when it has text, or when its structured part is filled in (see {@link Postmortem}).
     */
    private List<String> missing(long number, Map<String, String> texts, Impact impact) {
        List<String> missing = new ArrayList<>();
        for (PostmortemRule.PostmortemSection s : rule().sections()) {
            boolean text = !texts.getOrDefault(s.key(), "").isBlank();
            boolean structured = switch (s.key()) {
                case "timeline" -> chronology.written(number);
                case "impact" -> impact.startedAt() != null && impact.endedAt() != null;
                case "root_cause" -> !causes.of(number).isEmpty();
                case "long_term_fixes" -> !causes.actions("incident_number", number).isEmpty();
                default -> false;
            };
            if (!text && !structured) {
                missing.add("postmortem." + s.key());
            }
        }
        return missing;
    }

    /** The post-mortem with its pre-filled lines in the language of the request. */
    @Transactional(readOnly = true)
    public Postmortem get(long number) {
        return get(number, LocaleContextHolder.getLocale());
    }

    @Transactional(readOnly = true)
    public Postmortem get(long number, Locale locale) {
        TicketView ticket = tickets.get(number);
        ZoneId zone = incidents.zone(ticket);
        Map<String, String> texts = texts(number);
        String language = dev.maintenancedesk.plan.Texts.languageOf(locale);
        List<Postmortem.Section> sections = rule().sections().stream()
                .map(s -> new Postmortem.Section(s.key(), s.title().in(language), texts.getOrDefault(s.key(), "")))
                .toList();
        var meta = jdbc.sql("SELECT updated_by, updated_at FROM postmortems WHERE ticket_number = ?").param(number)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
        Impact impact = impact(number, zone);
        List<Postmortem.LinkedCause> linked = causes.of(number);
        List<String> missing = missing(number, texts, impact);
        return new Postmortem(number, ticket.title(), zone.getId(), required(ticket), missing.isEmpty(), missing, sections, impact,
                chronology.lines(ticket, impact, zone, locale), linked, causes.actions("incident_number", number),
                linked.stream().anyMatch(Postmortem.LinkedCause::recurring),
                meta.map(Map.Entry::getKey).orElse(null),
                meta.map(Map.Entry::getValue).map(t -> t.toInstant().atZone(zone).toOffsetDateTime()).orElse(null));
    }

    /** Whether anything of the ticket's post-mortem has been written (what an export needs). */
    @Transactional(readOnly = true)
    public boolean exists(long number) {
        tickets.get(number);
        return jdbc.sql("SELECT COUNT(*) FROM postmortems WHERE ticket_number = ?").param(number).query(Long.class)
                .single() > 0 || !causes.of(number).isEmpty();
    }

    /** Developers and above write post-mortems; the pages ask rather than decide. */
    public boolean mayWrite(Actor actor) {
        return actor.atLeast(Role.DEVELOPER);
    }

    /**
     * Writes the given sections (others keep their text); unknown section keys are refused. Concurrent
     * writers of one post-mortem take turns: the first write creates the row without racing (an insert
     * that does nothing when another writer created it first), then every writer locks that row before
     * touching the sections, so parallel first writes all succeed and leave the sections whole.
     */
    public Postmortem write(long number, Map<String, String> sections, Actor actor) {
        mustWrite(actor);
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
        touch(number, actor);
        sections.forEach((key, text) -> {
            jdbc.sql("DELETE FROM postmortem_sections WHERE ticket_number = ? AND section_key = ?").params(number, key).update();
            if (text != null && !text.isBlank()) {
                jdbc.sql("INSERT INTO postmortem_sections (ticket_number, section_key, body) VALUES (?, ?, ?)")
                        .params(number, key, text.strip()).update();
            }
        });
        return get(number);
    }

    /**
     * Sets the impact: start, detection, end (ISO instants with an offset, or local date-times in the team's
     * zone; blank clears) and users affected. Detection or end before the start is refused naming the
     * field. A new start re-evaluates whether the incident is a recurrence of its causes.
     */
    public Postmortem impact(long number, Impact.Input input, Actor actor) {
        mustWrite(actor);
        TicketView ticket = tickets.get(number);
        ZoneId zone = incidents.zone(ticket);
        Impact.Input in = input == null ? new Impact.Input(null, null, null, null) : input;
        List<FieldError> errors = new ArrayList<>();
        Instant started = instant("startedAt", in.startedAt(), zone, errors);
        Instant detected = instant("detectedAt", in.detectedAt(), zone, errors);
        Instant ended = instant("endedAt", in.endedAt(), zone, errors);
        Integer affected = null;
        if (in.usersAffected() != null && !in.usersAffected().isBlank()) {
            try {
                affected = Integer.valueOf(in.usersAffected().strip());
            } catch (NumberFormatException e) {
                affected = -1;
            }
            if (affected < 0 || affected > MAX_USERS) {
                errors.add(FieldError.of("usersAffected", "not-a-count", "\"" + in.usersAffected()
                        + "\" is not a number of users (0 or more)", in.usersAffected()));
            }
        }
        if (started != null && detected != null && detected.isBefore(started)) {
            errors.add(FieldError.of("detectedAt", "before-start", "the detection cannot come before the start"));
        }
        if (started != null && ended != null && ended.isBefore(started)) {
            errors.add(FieldError.of("endedAt", "before-start", "the end cannot come before the start"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        tickets.recordPostmortem(number, actor);
        touch(number, actor);
        jdbc.sql("UPDATE postmortems SET impact_started_at = ?, impact_detected_at = ?, impact_ended_at = ?, "
                        + "users_affected = ? WHERE ticket_number = ?")
                .params(utc(started), utc(detected), utc(ended), affected, number).update();
        causes.reevaluate(number);
        return get(number);
    }

    /** Adds a line the team writes to the chronology. */
    public Postmortem addLine(long number, ChronologyLine.Input input, Actor actor) {
        mustWrite(actor);
        TicketView ticket = tickets.get(number);
        Line line = line(input, incidents.zone(ticket));
        tickets.recordPostmortem(number, actor);
        touch(number, actor);
        jdbc.sql("INSERT INTO postmortem_timeline (ticket_number, source_key, source, happened_at, body, hidden, written_by, "
                        + "written_at) VALUES (?, NULL, 'TEAM', ?, ?, FALSE, ?, ?)")
                .params(number, utc(line.at()), line.text(), actor.username(), utc(clock.instant())).update();
        return get(number);
    }

    /** Rewords a line (its time and text): a line the team added, or a pre-filled one (kept as an edit). */
    public Postmortem editLine(long number, String key, ChronologyLine.Input input, Actor actor) {
        mustWrite(actor);
        TicketView ticket = tickets.get(number);
        ZoneId zone = incidents.zone(ticket);
        Long own = ownLine(number, key);
        ChronologyLine prefilled = own == null ? prefilled(ticket, key, zone) : null;
        Line line = line(input, zone);
        tickets.recordPostmortem(number, actor);
        touch(number, actor);
        if (own != null) {
            jdbc.sql("UPDATE postmortem_timeline SET happened_at = ?, body = ?, written_by = ?, written_at = ? WHERE id = ?")
                    .params(utc(line.at()), line.text(), actor.username(), utc(clock.instant()), own).update();
        } else {
            upsert(number, prefilled, line.at(), line.text(), false, actor);
        }
        return get(number);
    }

    /** Removes a line: deletes one the team added, hides a pre-filled one. */
    public Postmortem removeLine(long number, String key, Actor actor) {
        mustWrite(actor);
        TicketView ticket = tickets.get(number);
        ZoneId zone = incidents.zone(ticket);
        Long own = ownLine(number, key);
        ChronologyLine prefilled = own == null ? prefilled(ticket, key, zone) : null;
        tickets.recordPostmortem(number, actor);
        touch(number, actor);
        if (own != null) {
            jdbc.sql("DELETE FROM postmortem_timeline WHERE id = ?").param(own).update();
        } else {
            upsert(number, prefilled, prefilled.at().toInstant(), prefilled.text(), true, actor);
        }
        return get(number);
    }

    /**
     * Opens a long-term fix as a ticket from the incident's post-mortem: title, type (CORRECTIVE or
     * PREVENTIVE), owner (an active developer, its assignee), due date (today or later, in the team's zone),
     * the root cause it addresses (one of the incident's, optional) and priority (P3 unless given). The
     * ticket relates to the incident; all of it, or nothing, is written.
     */
    public CorrectiveAction addAction(long number, CorrectiveAction.Input input, Actor actor) {
        mustWrite(actor);
        TicketView incident = tickets.get(number);
        ZoneId zone = incidents.zone(incident);
        CorrectiveAction.Input in = input == null ? new CorrectiveAction.Input(null, null, null, null, null, null) : input;
        List<FieldError> errors = new ArrayList<>();
        String title = in.title();
        FieldError titleText = TextRules.problem("title", title, 200);
        if (title == null || title.isBlank()) {
            errors.add(FieldError.of("title", "required", "a long-term fix needs a title"));
        } else if (titleText != null) {
            errors.add(titleText);
        }
        TicketType type = TicketType.CORRECTIVE;
        if (in.type() != null && !in.type().isBlank()) {
            type = switch (in.type().strip().toUpperCase(Locale.ROOT)) {
                case "CORRECTIVE" -> TicketType.CORRECTIVE;
                case "PREVENTIVE" -> TicketType.PREVENTIVE;
                default -> {
                    errors.add(FieldError.of("type", "action-type", "a long-term fix is CORRECTIVE or PREVENTIVE"));
                    yield null;
                }
            };
        }
        String owner = in.owner() == null ? null : in.owner().strip();
        if (owner == null || owner.isEmpty()) {
            errors.add(FieldError.of("owner", "required", "a long-term fix needs an owner"));
        } else {
            FieldError ownerText = TextRules.problem("owner", owner, 64);
            Optional<UserAccount> user = ownerText == null ? users.find(owner) : Optional.empty();
            if (ownerText != null) {
                errors.add(ownerText);
            } else if (user.isEmpty()) {
                errors.add(FieldError.of("owner", "unknown-user", "unknown user \"" + owner + "\"", owner));
            } else if (!user.get().enabled() || !user.get().role().atLeast(Role.DEVELOPER)) {
                errors.add(FieldError.of("owner", "not-a-developer", owner + " is not an active DEVELOPER or above", owner));
            }
        }
        LocalDate due = null;
        if (in.dueOn() == null || in.dueOn().isBlank()) {
            errors.add(FieldError.of("dueOn", "required", "a long-term fix needs a due date"));
        } else {
            try {
                due = LocalDate.parse(in.dueOn().strip());
                if (due.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
                    errors.add(FieldError.of("dueOn", "in-the-past", "the due date is in the past"));
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("dueOn", "date", "\"" + in.dueOn() + "\" is not a date (example: 2026-04-30)",
                        in.dueOn()));
            }
        }
        Long causeId = null;
        if (in.causeId() != null && !in.causeId().isBlank()) {
            try {
                causeId = causes.existing(in.causeId(), "causeId");
                if (!causes.explains(number, causeId)) {
                    errors.add(FieldError.of("causeId", "cause-not-linked", "root cause " + causeId
                            + " is not a cause of #" + number, causeId));
                }
            } catch (InvalidInput unknown) {
                errors.addAll(unknown.errors());
            }
        }
        Priority priority = Priority.P3;
        if (in.priority() != null && !in.priority().isBlank()) {
            try {
                priority = Priority.valueOf(in.priority().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("priority", "invalid", "a priority is P1, P2, P3 or P4"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Locale language = Locale.forLanguageTag(plan.language());
        String description = messages.getMessage("postmortem.action.description",
                new Object[] {String.valueOf(number), incident.title()}, language);
        TicketView fix = tickets.create(new NewTicket(title.strip(), description, type, priority, List.of(), owner,
                incident.team(), null, null, null), actor);
        tickets.link(fix.number(), new TicketLink(LinkKind.RELATES_TO, "#" + number, null), actor);
        tickets.recordPostmortem(number, actor);
        touch(number, actor);
        jdbc.sql("INSERT INTO postmortem_actions (action_ticket, incident_number, cause_id, due_on, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(fix.number(), number, causeId, due, actor.username(), utc(clock.instant())).update();
        long created = fix.number();
        return causes.actions("incident_number", number).stream().filter(a -> a.ticket() == created).findFirst()
                .orElseThrow();
    }

    /** The post-mortem as a Markdown file in the plan's language, named for ops/docs/postmortems. */
    @Transactional(readOnly = true)
    public PostmortemFile export(long number) {
        if (!exists(number)) {
            throw new NotFound("postmortem-not-found", "Ticket #" + number + " has no post-mortem yet.",
                    String.valueOf(number));
        }
        Locale language = Locale.forLanguageTag(plan.language());
        Postmortem postmortem = get(number, language);
        TicketView ticket = tickets.get(number);
        return new PostmortemMarkdown(plan, messages, language, incidents.zone(ticket)).file(ticket, postmortem,
                incidents.start(number));
    }

    private record Line(Instant at, String text) {}

    private Line line(ChronologyLine.Input input, ZoneId zone) {
        ChronologyLine.Input in = input == null ? new ChronologyLine.Input(null, null) : input;
        List<FieldError> errors = new ArrayList<>();
        Instant at = instant("at", in.at(), zone, errors);
        if (at == null && errors.isEmpty()) {
            errors.add(FieldError.of("at", "required", "a chronology line needs a time"));
        }
        FieldError text = TextRules.problem("text", in.text(), LINE_MAX);
        if (in.text() == null || in.text().isBlank()) {
            errors.add(FieldError.of("text", "required", "a chronology line needs a text"));
        } else if (text != null) {
            errors.add(text);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return new Line(at, in.text().strip());
    }

    private Long ownLine(long number, String key) {
        if (key == null || !key.startsWith("line:")) {
            return null;
        }
        try {
            long id = Long.parseLong(key.substring(5));
            return jdbc.sql("SELECT id FROM postmortem_timeline WHERE id = ? AND ticket_number = ? AND source_key IS NULL")
                    .params(id, number).query(Long.class).optional()
                    .orElseThrow(() -> lineNotFound(number, key));
        } catch (NumberFormatException e) {
            throw lineNotFound(number, key);
        }
    }

    private ChronologyLine prefilled(TicketView ticket, String key, ZoneId zone) {
        ChronologyLine line = key == null ? null
                : chronology.prefilled(ticket, impact(ticket.number(), zone), key, zone, Locale.forLanguageTag(plan.language()));
        if (line == null) {
            throw lineNotFound(ticket.number(), key);
        }
        return line;
    }

    private static NotFound lineNotFound(long number, String key) {
        return new NotFound("chronology-line-not-found", "The chronology of #" + number + " has no line \"" + key + "\".",
                String.valueOf(key));
    }

    private void upsert(long number, ChronologyLine line, Instant at, String text, boolean hidden, Actor actor) {
        jdbc.sql("DELETE FROM postmortem_timeline WHERE ticket_number = ? AND source_key = ?").params(number, line.key())
                .update();
        jdbc.sql("INSERT INTO postmortem_timeline (ticket_number, source_key, source, happened_at, body, hidden, written_by, "
                        + "written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, line.key(), line.source().name(), utc(at), text, hidden, actor.username(),
                        utc(clock.instant())).update();
    }

    /** An ISO instant with an offset, or a local date-time in {@code zone}; blank is null; else an error. */
    static Instant instant(String field, String text, ZoneId zone, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        FieldError chars = TextRules.problem(field, t, 40);
        if (chars != null) {
            errors.add(chars);
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                at = LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                errors.add(FieldError.of(field, "date-time", "\"" + t
                        + "\" is not a date and time (examples: 2026-03-10T16:30, 2026-03-10T16:30:00+01:00)", t));
                return null;
            }
        }
        // an incident happens in the years a database column and a team can hold ("+999999999-12-31" cannot)
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            errors.add(FieldError.of(field, "date-out-of-range", "must fall between the years 1970 and 2999", t));
            return null;
        }
        return at;
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private Impact impact(long number, ZoneId zone) {
        return jdbc.sql("SELECT impact_started_at, impact_detected_at, impact_ended_at, users_affected FROM postmortems "
                        + "WHERE ticket_number = ?").param(number)
                .query((rs, i) -> new Impact(local(rs.getObject(1, OffsetDateTime.class), zone),
                        local(rs.getObject(2, OffsetDateTime.class), zone), local(rs.getObject(3, OffsetDateTime.class), zone),
                        rs.getObject(4, Integer.class))).optional()
                .orElse(new Impact(null, null, null, null));
    }

    private static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private void touch(long number, Actor actor) {
        incidents.touch(number, actor.username(), clock.instant());
    }

    private void mustWrite(Actor actor) {
        if (!mayWrite(actor)) {
            throw new Forbidden("postmortem-forbidden", "only a developer or above may write a post-mortem");
        }
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
