package dev.maintenancedesk.backlog;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.backlog.BacklogOrder.Ranked;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.preventive.PreventiveTicketOpened;
import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.TicketFilter;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketPage;
import dev.maintenancedesk.tickets.TicketSummary;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly backlog review (plan §9). The scope is every open EVOLUTIVE or PREVENTIVE ticket and every
 * open ticket with the plan's tech-debt label; dependencies are the tickets' BLOCKS / BLOCKED_BY links.
 * Scores and minutes are a LEAD's (or ADMIN's) to write; everyone signed in may read them. The month is
 * the calendar month in the plan's zone; a past month's minutes are read-only.
 */
@Service
@Transactional
public class BacklogReviews {

    /** The preventive action whose monthly ticket asks for this review. */
    public static final String PREVENTIVE_ACTION = "backlog_review";
    static final int RELEASE_MAX = 40;
    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern TICKET_REF = Pattern.compile("#([1-9][0-9]{0,17})");
    private static final Logger log = LoggerFactory.getLogger(BacklogReviews.class);

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Users users;
    private final Plan plan;
    private final Clock clock;
    private final ZoneId zone;
    private final BacklogOrder order;
    private final org.springframework.context.MessageSource messages;

    BacklogReviews(JdbcClient jdbc, Tickets tickets, Users users, Plan plan, Clock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.users = users;
        this.plan = plan;
        this.clock = clock;
        this.zone = plan.calendar().zone();
        this.order = new BacklogOrder(plan.backlog().score());
    }

    /** The month under review now (the plan's zone). */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /** Today in the plan's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Whether the actor may score tickets and write the minutes: a LEAD or an ADMIN. */
    public static boolean mayReview(Actor actor) {
        return actor.atLeast(Role.LEAD);
    }

    /** A {@code YYYY-MM} text as a month, or a 400 naming {@code field}. */
    public static YearMonth month(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(FieldError.of(field, "required", "is required (YYYY-MM)"));
        }
        String t = text.strip();
        try {
            if (MONTH.matcher(t).matches()) {
                return YearMonth.parse(t);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw InvalidInput.of(FieldError.of(field, "month", "\"" + t + "\" is not a month (YYYY-MM, e.g. 2026-11)", t));
    }

    /** This month's review, live: the order follows today's scores and links, a cycle is reported, not thrown. */
    @Transactional(readOnly = true)
    public Backlog current() {
        YearMonth month = currentMonth();
        Live live = live();
        return new Backlog(month, true, live.items, live.cycle, share(live.items),
                minutes(month).orElse(Minutes.empty(month)), plan.backlog().score().name());
    }

    /** A month's review: this month's live, a past month's as recorded with its minutes (404 when none). */
    @Transactional(readOnly = true)
    public Backlog review(YearMonth month) {
        YearMonth now = currentMonth();
        if (month.equals(now)) {
            return current();
        }
        if (month.isAfter(now)) {
            throw InvalidInput.of(FieldError.of("month", "future-month", "the review of " + month
                    + " has not been held yet (this month is " + now + ")", month.toString(), now.toString()));
        }
        Minutes minutes = minutes(month).orElseThrow(() -> new NotFound("backlog-review-not-found",
                "No backlog review was recorded for " + month + ".", month.toString()));
        List<BacklogItem> items = snapshot(month);
        return new Backlog(month, false, items, null, share(items), minutes, plan.backlog().score().name());
    }

    /** The ordered backlog for the API: a cycle in the scope's dependencies is a 409 naming its tickets. */
    @Transactional(readOnly = true)
    public Backlog ordered() {
        Backlog backlog = current();
        if (backlog.cycle() != null) {
            throw cycleProblem(backlog.cycle());
        }
        return backlog;
    }

    /** The months that have minutes, newest first. */
    @Transactional(readOnly = true)
    public List<YearMonth> months() {
        return jdbc.sql("SELECT review_month FROM backlog_reviews ORDER BY review_month DESC")
                .query(String.class).list().stream().map(YearMonth::parse).toList();
    }

    /**
     * Sets a ticket's user value and/or technical risk (1–5; a null one is kept). The ticket must be in the
     * review's scope. Answers the reordered backlog.
     */
    public Backlog score(long number, Integer userValue, Integer technicalRisk, Actor actor) {
        if (!mayReview(actor)) {
            throw new Forbidden("backlog-score-forbidden", "only a lead or an administrator may score the backlog");
        }
        List<FieldError> errors = new ArrayList<>();
        if (userValue == null && technicalRisk == null) {
            errors.add(FieldError.of("userValue", "required", "give userValue or technicalRisk (1 to 5)"));
        }
        checkScore(errors, "userValue", userValue);
        checkScore(errors, "technicalRisk", technicalRisk);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        requireInScope(tickets.get(number));
        Instant now = clock.instant();
        // insert-if-absent then update: concurrent first scores of one ticket meet on the primary key
        // without failing the transaction (PostgreSQL aborts a transaction on a duplicate key)
        jdbc.sql("INSERT INTO backlog_scores (ticket_number, scored_by, scored_at) VALUES (:n, :by, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("n", number).param("by", actor.username()).param("at", Timestamp.from(now)).update();
        jdbc.sql("UPDATE backlog_scores SET user_value = COALESCE(:v, user_value),"
                        + " technical_risk = COALESCE(:r, technical_risk), scored_by = :by, scored_at = :at"
                        + " WHERE ticket_number = :n")
                .param("v", userValue).param("r", technicalRisk).param("by", actor.username())
                .param("at", Timestamp.from(now)).param("n", number).update();
        refreshSnapshotIfRecorded();
        return current();
    }

    /**
     * Records that {@code blocker} blocks {@code blocked} (a BLOCKS link on the blocker, through the tickets
     * module and its rules: a ticket cannot block itself). A link that would close a cycle is refused with
     * the cycle named, and nothing is written.
     */
    public Backlog addDependency(long blocker, Long blocked, Actor actor) {
        if (!mayReview(actor)) {
            throw new Forbidden("backlog-dependency-forbidden",
                    "only a lead or an administrator adds dependencies from the review (a developer links from the ticket)");
        }
        if (blocked == null) {
            throw InvalidInput.of(FieldError.of("blocks", "required", "is required: the number of the ticket it blocks"));
        }
        try {
            tickets.link(blocker, new TicketLink(LinkKind.BLOCKS, "#" + blocked, null), actor);
        } catch (InvalidInput refused) {
            // the tickets module names its own field "target"; here the ticket blocked is "blocks"
            throw InvalidInput.of(refused.errors().stream()
                    .map(e -> "target".equals(e.field()) ? new FieldError("blocks", e.code(), e.args(), e.message()) : e)
                    .toList());
        }
        Backlog backlog = current();
        if (backlog.cycle() != null) {
            throw cycleProblem(backlog.cycle());
        }
        refreshSnapshotIfRecorded();
        return backlog;
    }

    /** Records this month's decision for a ticket of the review (a past month's minutes are read-only). */
    public Minutes decide(YearMonth month, long number, Decision decision, String release, Actor actor) {
        requireOpen(month, actor);
        List<FieldError> errors = new ArrayList<>();
        if (decision == null) {
            errors.add(FieldError.of("decision", "required", "is required (KEEP, PLAN or DROP)"));
        }
        String named = null;
        if (decision == Decision.PLAN) {
            FieldError text = TextRules.problem("release", release == null ? null : release.strip(), RELEASE_MAX);
            if (release == null || release.isBlank()) {
                errors.add(FieldError.of("release", "release-required", "name the release the ticket is planned for"));
            } else if (text != null) {
                errors.add(text);
            } else {
                named = release.strip();
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        requireInScope(tickets.get(number));
        ensureReview(month, actor);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO backlog_decisions (review_month, ticket_number, decision, release_name, decided_by, decided_at)"
                        + " VALUES (:m, :n, :d, :r, :by, :at) ON CONFLICT DO NOTHING")
                .param("m", month.toString()).param("n", number).param("d", decision.name()).param("r", named)
                .param("by", actor.username()).param("at", Timestamp.from(now)).update();
        jdbc.sql("UPDATE backlog_decisions SET decision = :d, release_name = :r, decided_by = :by, decided_at = :at"
                        + " WHERE review_month = :m AND ticket_number = :n")
                .param("m", month.toString()).param("n", number).param("d", decision.name()).param("r", named)
                .param("by", actor.username()).param("at", Timestamp.from(now)).update();
        snapshot(month, live());
        return minutes(month).orElseThrow();
    }

    /** Records when this month's review was held and who attended (accounts' users; the list replaces the last). */
    public Minutes attend(YearMonth month, LocalDate heldOn, List<String> attendees, Actor actor) {
        requireOpen(month, actor);
        List<FieldError> errors = new ArrayList<>();
        if (heldOn == null) {
            errors.add(FieldError.of("heldOn", "required", "is required (YYYY-MM-DD)"));
        } else if (!YearMonth.from(heldOn).equals(month)) {
            errors.add(FieldError.of("heldOn", "outside-month", "must be a day of " + month, month.toString()));
        } else if (heldOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            errors.add(FieldError.of("heldOn", "future-day", "must not be after today"));
        }
        List<String> names = attendees == null ? List.of() : attendees;
        Set<String> present = new LinkedHashSet<>();
        if (names.stream().allMatch(n -> n == null || n.isBlank())) {
            errors.add(FieldError.of("attendees", "required", "name at least one attendee"));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            FieldError text = TextRules.problem("attendees[" + i + "]", name.strip(), 64);
            if (text != null) {
                errors.add(text);
            } else if (users.find(name.strip()).isEmpty()) {
                errors.add(FieldError.of("attendees[" + i + "]", "unknown-user", "unknown user \"" + name.strip() + "\"",
                        name.strip()));
            } else {
                present.add(name.strip());
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        ensureReview(month, actor);
        jdbc.sql("UPDATE backlog_reviews SET held_on = :d, updated_by = :by, updated_at = :at WHERE review_month = :m")
                .param("d", heldOn).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
                .param("m", month.toString()).update();
        jdbc.sql("DELETE FROM backlog_review_attendees WHERE review_month = :m").param("m", month.toString()).update();
        for (String name : present) {
            jdbc.sql("INSERT INTO backlog_review_attendees (review_month, username) VALUES (:m, :u) ON CONFLICT DO NOTHING")
                    .param("m", month.toString()).param("u", name).update();
        }
        snapshot(month, live());
        return minutes(month).orElseThrow();
    }

    /** A month's minutes, if anything was recorded for it. */
    @Transactional(readOnly = true)
    public Optional<Minutes> minutes(YearMonth month) {
        String m = month.toString();
        return jdbc.sql("SELECT held_on, ticket_number FROM backlog_reviews WHERE review_month = :m").param("m", m)
                .query((rs, i) -> {
                    java.sql.Date held = rs.getDate(1);
                    long ticket = rs.getLong(2);
                    Long reviewTicket = rs.wasNull() ? null : ticket;
                    return new Minutes(month, held == null ? null : held.toLocalDate(), attendees(m), decisions(m),
                            reviewTicket);
                })
                .optional();
    }

    /** The minutes of a month as Markdown, in {@code fr} or {@code en}. */
    @Transactional(readOnly = true)
    public String minutesMarkdown(YearMonth month, String language) {
        return new MinutesMarkdown(messages, java.util.Locale.forLanguageTag(language), plan.backlog().techDebtLabel())
                .render(review(month));
    }

    /**
     * The preventive calendar opened this month's "revue backlog" ticket: the review remembers it (the page
     * shows it) and the ticket gets a comment pointing at the review page.
     */
    @ApplicationModuleListener
    void on(PreventiveTicketOpened opened) {
        linkReviewTicket(opened);
    }

    /** What {@link #on} does, synchronously: remembers the ticket and comments on it once. */
    public void linkReviewTicket(PreventiveTicketOpened opened) {
        if (!PREVENTIVE_ACTION.equals(opened.actionKey())) {
            return;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(opened.period());
        } catch (DateTimeParseException | NullPointerException e) {
            log.warn("backlog review ticket #{} has a period that is not a month: {}", opened.ticketNumber(),
                    opened.period());
            return;
        }
        Actor desk = Actor.automation("desk");
        ensureReview(month, desk);
        int linked = jdbc.sql("UPDATE backlog_reviews SET ticket_number = :t WHERE review_month = :m"
                        + " AND (ticket_number IS NULL OR ticket_number <> :t)")
                .param("t", opened.ticketNumber()).param("m", month.toString()).update();
        if (linked > 0) {
            String text = "fr".equals(plan.language())
                    ? "Revue mensuelle du backlog de " + month + " : [/backlog?month=" + month + "](/backlog?month=" + month + ")"
                    : "Monthly backlog review of " + month + ": [/backlog?month=" + month + "](/backlog?month=" + month + ")";
            tickets.comment(opened.ticketNumber(), text, desk);
        }
    }

    // --- scope and order ---------------------------------------------------------------------------

    private record Live(List<BacklogItem> items, List<Long> cycle) {}

    private Live live() {
        String techDebt = plan.backlog().techDebtLabel();
        Map<Long, TicketSummary> scope = new java.util.TreeMap<>();
        TicketFilter open = TicketFilter.open();
        for (TicketFilter filter : List.of(
                new TicketFilter(open.states(), null, TicketType.EVOLUTIVE, null, null, null, null, null, false),
                new TicketFilter(open.states(), null, TicketType.PREVENTIVE, null, null, null, null, null, false),
                new TicketFilter(open.states(), null, null, techDebt, null, null, null, null, false))) {
            Long after = null;
            do {
                TicketPage page = tickets.list(filter, after, 200);
                page.items().forEach(t -> scope.put(t.number(), t));
                after = page.nextAfter();
            } while (after != null);
        }
        // the month's own "revue backlog" ticket is the meeting, not an item to rank
        jdbc.sql("SELECT ticket_number FROM backlog_reviews WHERE review_month = :m AND ticket_number IS NOT NULL")
                .param("m", currentMonth().toString()).query(Long.class).optional().ifPresent(scope::remove);
        Map<Long, int[]> scores = scores();
        Map<Long, Set<Long>> blocks = new LinkedHashMap<>();
        scope.keySet().forEach(n -> blocks.put(n, new TreeSet<>()));
        for (long n : scope.keySet()) {
            for (TicketLink link : tickets.get(n).links()) {
                Long other = ticketRef(link.target());
                if (other == null || !scope.containsKey(other)) {
                    continue;
                }
                if (link.kind() == LinkKind.BLOCKS) {
                    blocks.get(n).add(other);
                } else if (link.kind() == LinkKind.BLOCKED_BY) {
                    blocks.get(other).add(n);
                }
            }
        }
        List<Candidate> candidates = scope.values().stream().map(t -> {
            int[] s = scores.get(t.number());
            return new Candidate(t.number(), t.createdAt(), s == null || s[0] == 0 ? null : s[0],
                    s == null || s[1] == 0 ? null : s[1], blocks.get(t.number()));
        }).toList();
        List<Ranked> ranked;
        List<Long> cycle = null;
        try {
            ranked = order.rank(candidates);
        } catch (DependencyCycle c) {
            cycle = c.path();
            ranked = order.rankIgnoringDependencies(candidates);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<BacklogItem> items = new ArrayList<>();
        for (Ranked r : ranked) {
            TicketSummary t = scope.get(r.ticket().number());
            List<Long> blockedBy = blocks.entrySet().stream().filter(e -> e.getValue().contains(t.number()))
                    .map(Map.Entry::getKey).sorted().toList();
            items.add(new BacklogItem(r.rank(), t.number(), t.title(), t.type() == null ? null : t.type().name(),
                    t.labels().contains(techDebt), r.ticket().value(), r.ticket().risk(), r.score(), r.reason(),
                    List.copyOf(blocks.get(t.number())), blockedBy,
                    ChronoUnit.DAYS.between(t.createdAt().atZone(zone).toLocalDate(), today)));
        }
        return new Live(items, cycle);
    }

    private Map<Long, int[]> scores() {
        Map<Long, int[]> scores = new java.util.HashMap<>();
        jdbc.sql("SELECT ticket_number, user_value, technical_risk FROM backlog_scores")
                .query(rs -> {
                    scores.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return scores;
    }

    static TechDebtShare share(List<BacklogItem> items) {
        List<Long> ages = items.stream().filter(BacklogItem::techDebt).map(BacklogItem::ageDays).sorted().toList();
        int scope = items.size();
        int percent = scope == 0 ? 0 : (int) Math.round(100.0 * ages.size() / scope);
        Long median = ages.isEmpty() ? null : ages.size() % 2 == 1 ? ages.get(ages.size() / 2)
                : Math.round((ages.get(ages.size() / 2 - 1) + ages.get(ages.size() / 2)) / 2.0);
        return new TechDebtShare(ages.size(), scope, percent, median, ages.isEmpty() ? null : ages.getLast());
    }

    private static Long ticketRef(String target) {
        var m = TICKET_REF.matcher(target == null ? "" : target.strip());
        return m.matches() ? Long.parseLong(m.group(1)) : null;
    }

    private void requireInScope(TicketView ticket) {
        boolean open = dev.maintenancedesk.tickets.TicketState.open().contains(ticket.state());
        boolean kind = ticket.type() == TicketType.EVOLUTIVE || ticket.type() == TicketType.PREVENTIVE
                || ticket.labels().contains(plan.backlog().techDebtLabel());
        if (!open || !kind) {
            throw new Conflict("not-in-backlog-review", "Ticket #" + ticket.number() + " is not in the backlog review"
                    + " (open EVOLUTIVE or PREVENTIVE tickets and open tickets labelled "
                    + plan.backlog().techDebtLabel() + ").", ticket.number(), plan.backlog().techDebtLabel());
        }
    }

    private void requireOpen(YearMonth month, Actor actor) {
        if (!mayReview(actor)) {
            throw new Forbidden("backlog-minutes-forbidden", "only a lead or an administrator may write the review minutes");
        }
        YearMonth now = currentMonth();
        if (month.isBefore(now)) {
            throw new Conflict("backlog-review-closed", "The review of " + month + " is closed: its minutes are read-only.",
                    month.toString());
        }
        if (month.isAfter(now)) {
            throw InvalidInput.of(FieldError.of("month", "future-month", "the review of " + month
                    + " has not been held yet (this month is " + now + ")", month.toString(), now.toString()));
        }
    }

    private static Conflict cycleProblem(List<Long> cycle) {
        String text = DependencyCycle.text(cycle);
        return new Conflict("dependency-cycle", "The backlog's dependencies go round: " + text
                + ". Remove one of these blocks/blocked-by links to order the backlog.", Map.of("cycle", cycle), text);
    }

    private void ensureReview(YearMonth month, Actor actor) {
        jdbc.sql("INSERT INTO backlog_reviews (review_month, updated_by, updated_at) VALUES (:m, :by, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("m", month.toString()).param("by", actor.username())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private List<String> attendees(String month) {
        return jdbc.sql("SELECT username FROM backlog_review_attendees WHERE review_month = :m ORDER BY username")
                .param("m", month).query(String.class).list();
    }

    private List<DecisionRecord> decisions(String month) {
        return jdbc.sql("SELECT ticket_number, decision, release_name, decided_by, decided_at FROM backlog_decisions"
                        + " WHERE review_month = :m ORDER BY ticket_number")
                .param("m", month)
                .query((rs, i) -> new DecisionRecord(rs.getLong(1), Decision.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant().atZone(zone).toOffsetDateTime()))
                .list();
    }

    /** This month's minutes keep the backlog they were written on; a score change after them updates it. */
    private void refreshSnapshotIfRecorded() {
        YearMonth month = currentMonth();
        if (minutes(month).isPresent()) {
            snapshot(month, live());
        }
    }

    private void snapshot(YearMonth month, Live live) {
        String m = month.toString();
        // one writer of a month's snapshot at a time: the review's row is the lock
        jdbc.sql("SELECT review_month FROM backlog_reviews WHERE review_month = :m FOR UPDATE").param("m", m)
                .query(String.class).list();
        jdbc.sql("DELETE FROM backlog_review_items WHERE review_month = :m").param("m", m).update();
        for (BacklogItem item : live.items()) {
            jdbc.sql("INSERT INTO backlog_review_items (review_month, position, ticket_number, title, user_value,"
                            + " technical_risk, score, reason, reason_tickets, tech_debt, age_days)"
                            + " VALUES (:m, :p, :n, :t, :v, :r, :s, :reason, :rt, :debt, :age) ON CONFLICT DO NOTHING")
                    .param("m", m).param("p", item.rank()).param("n", item.number()).param("t", item.title())
                    .param("v", item.userValue()).param("r", item.technicalRisk()).param("s", item.score())
                    .param("reason", item.reason().code().name())
                    .param("rt", item.reason().tickets().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .param("debt", item.techDebt()).param("age", item.ageDays()).update();
        }
    }

    private List<BacklogItem> snapshot(YearMonth month) {
        return jdbc.sql("SELECT position, ticket_number, title, user_value, technical_risk, score, reason, reason_tickets,"
                        + " tech_debt, age_days FROM backlog_review_items WHERE review_month = :m ORDER BY position")
                .param("m", month.toString())
                .query((rs, i) -> {
                    Integer v = (Integer) nullable(rs.getInt(4), rs.wasNull());
                    Integer r = (Integer) nullable(rs.getInt(5), rs.wasNull());
                    Integer s = (Integer) nullable(rs.getInt(6), rs.wasNull());
                    String refs = rs.getString(8);
                    List<Long> tickets = refs == null || refs.isBlank() ? List.of()
                            : Arrays.stream(refs.split(",")).map(Long::parseLong).toList();
                    return new BacklogItem(rs.getInt(1), rs.getLong(2), rs.getString(3), null, rs.getBoolean(9), v, r, s,
                            new RankReason(RankReason.Code.valueOf(rs.getString(7)), s, tickets), List.of(), List.of(),
                            rs.getInt(10));
                })
                .list();
    }

    private static Object nullable(int value, boolean wasNull) {
        return wasNull ? null : value;
    }

    private static void checkScore(List<FieldError> errors, String field, Integer value) {
        if (value != null && (value < MIN_SCORE || value > MAX_SCORE)) {
            errors.add(FieldError.of(field, "score-range", "must be between 1 and 5 (was " + value + ")", value));
        }
    }
}
