package dev.maintenancedesk.plan;

import dev.maintenancedesk.plan.BacklogReview.Criterion;
import dev.maintenancedesk.plan.CalendarSettings.Holidays;
import dev.maintenancedesk.plan.CalendarSettings.TimeRange;
import dev.maintenancedesk.plan.PostmortemRule.PostmortemSection;
import dev.maintenancedesk.plan.SlaPolicy.PriorityChange;
import dev.maintenancedesk.plan.SlaPolicy.SlaTargets;
import dev.maintenancedesk.plan.Workflow.WorkflowStep;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/** Turns the YAML text of a plan into a {@link Plan}, or into every problem found in it. */
final class PlanReader {

    /** The ticket states of the workflow, in order (DESIGN §4); the tickets module owns their behaviour. */
    static final List<String> WORKFLOW_STATES =
            List.of("NEW", "TRIAGED", "ASSIGNED", "IN_PROGRESS", "IN_REVIEW", "MERGED", "CLOSED");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern COMMIT_TYPE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Problems problems = new Problems();
    private final Set<String> labelNames = new LinkedHashSet<>();
    private final Set<String> extraLabels = new HashSet<>();

    private PlanReader() {}

    static Plan read(String yaml, String source) {
        PlanReader reader = new PlanReader();
        Plan plan = reader.plan(YamlTree.parse(yaml, reader.problems));
        if (!reader.problems.isEmpty()) {
            throw new InvalidPlanException(source, reader.problems.lines());
        }
        return plan;
    }

    private Plan plan(Object document) {
        Node root = Node.root(document, problems);
        String name = root.text("project");
        Localized objectives = root.localized("objectives", true);
        List<MaintenanceType> types = maintenanceTypes(root);
        Node ticketingNode = root.section("ticketing", true);
        String tool = ticketingNode.text("tool");
        List<Label> labels = labels(ticketingNode);
        List<PriorityLevel> priorities = priorities(ticketingNode);
        ticketingNode.finish();
        Ticketing ticketing = new Ticketing(tool,
                labels.stream().filter(l -> !extraLabels.contains(l.name())).map(Label::name).toList());
        CalendarSettings calendar = calendar(root.section("calendar", true));
        SlaPolicy sla = sla(root.section("sla", true), calendar.standardDayMinutes());
        Workflow workflow = workflow(root.section("workflow", true));
        ChangeManagement change = changeManagement(root.section("change_management", true));
        List<ReleaseCadence> releases = releaseCalendar(root);
        if (sla.targets().stream().anyMatch(t -> t.resolution() instanceof SlaTarget.NextMinorRelease)
                && releases.stream().noneMatch(r -> r.tag() == ReleaseTag.MINOR) && !releases.isEmpty()) {
            problems.add("release_calendar", "has no MINOR row, which the \"release\" SLA target needs");
        }
        List<Kpi> kpis = kpis(root);
        BacklogReview backlog = backlog(root.section("backlog", true));
        DocumentationRules documentation = documentation(root.section("documentation", true));
        List<PreventiveAction> preventive = preventive(root);
        Watch watch = watch(root.section("watch", true));
        DeprecationPolicy deprecation = deprecation(root.section("deprecation", true));
        PostmortemRule postmortem = postmortem(root.section("postmortem", true));
        List<Localized> future = new ArrayList<>();
        List<Object> items = root.list("future_improvements", false);
        for (int i = 0; i < items.size(); i++) {
            future.add(Node.localized(items.get(i), "future_improvements[" + i + "]", problems));
        }
        List<TicketTemplate> templates = templates(root);
        List<Team> teams = teams(root);
        GitHubSync github = github(root);
        root.finish();
        return new Plan(name, objectives, types, ticketing, labels, priorities, sla, calendar, workflow,
                change, releases, kpis, backlog, documentation, preventive, watch, deprecation, postmortem,
                List.copyOf(future), templates, teams, github);
    }

    /** Optional: the labels that carry priority and type on GitHub, and the test paths; defaults: the seed's. */
    private GitHubSync github(Node root) {
        GitHubSync defaults = GitHubSync.defaults();
        if (!root.has("github")) {
            root.section("github", false);
            return defaults;
        }
        Node n = root.section("github", false);
        Map<String, Priority> priorities = n.has("priority_labels")
                ? labelMap(n.section("priority_labels", true), Priority.class, "a priority") : defaults.priorityLabels();
        Map<String, TicketType> types = n.has("type_labels")
                ? labelMap(n.section("type_labels", true), TicketType.class, "a maintenance type") : defaults.typeLabels();
        List<String> tests = n.has("test_paths") ? n.strings("test_paths", true) : defaults.testPaths();
        n.finish();
        return new GitHubSync(Map.copyOf(priorities), Map.copyOf(types), List.copyOf(tests));
    }

    private <E extends Enum<E>> Map<String, E> labelMap(Node n, Class<E> type, String what) {
        Map<String, E> map = new java.util.LinkedHashMap<>();
        for (String label : List.copyOf(n.keys())) {
            n.scalar(label, true).ifPresent(s -> {
                E value = Node.enumValue(s.text(), type, what, (text, message) -> {
                    n.problem(label, message);
                    return null;
                });
                if (value != null) {
                    map.put(label, value);
                }
            });
        }
        n.finish();
        return map;
    }

    /** Optional: teams with their own calendars; a team without one uses the plan's calendar. */
    private List<Team> teams(Node root) {
        List<Team> teams = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Node n : root.nodes("teams", false)) {
            String key = n.text("key");
            if (!key.isEmpty() && !keys.add(key)) {
                n.problem("key", "duplicate team " + Problems.quote(key));
            }
            Localized name = n.localized("name", true);
            CalendarSettings calendar = n.has("calendar") ? calendar(n.section("calendar", true)) : null;
            n.finish();
            teams.add(new Team(key, name, calendar));
        }
        return List.copyOf(teams);
    }

    private List<MaintenanceType> maintenanceTypes(Node root) {
        List<MaintenanceType> types = new ArrayList<>();
        Set<TicketType> seen = new HashSet<>();
        for (Node n : root.nodes("maintenance_types", true)) {
            TicketType key = n.enumeration("key", TicketType.class, "a maintenance type");
            if (key != null && !seen.add(key)) {
                n.problem("key", "duplicate maintenance type " + key);
            }
            types.add(new MaintenanceType(key, n.localized("name", true), n.localized("description", true)));
            n.finish();
        }
        if (root.has("maintenance_types")) {
            missing("maintenance_types", TicketType.values(), seen, "maintenance type");
        }
        return List.copyOf(types);
    }

    private List<Label> labels(Node ticketing) {
        List<Label> labels = new ArrayList<>();
        for (Node n : ticketing.nodes("labels", true)) {
            String name = n.text("name");
            if (!name.isEmpty() && !LABEL.matcher(name).matches()) {
                n.problem("name", Problems.quote(name) + " is not a label name (lower case letters, digits, '-', '.', '_')");
            } else if (!name.isEmpty() && !labelNames.add(name)) {
                n.problem("name", "duplicate label " + Problems.quote(name));
            }
            if (n.flag("extra", false)) {
                extraLabels.add(name);
            }
            labels.add(new Label(name, n.localized("description", true)));
            n.finish();
        }
        return List.copyOf(labels);
    }

    private List<PriorityLevel> priorities(Node ticketing) {
        List<PriorityLevel> levels = new ArrayList<>();
        Set<Priority> seen = new HashSet<>();
        for (Node n : ticketing.nodes("priorities", true)) {
            Priority key = n.enumeration("key", Priority.class, "a priority");
            if (key != null && !seen.add(key)) {
                n.problem("key", "duplicate priority " + key);
            }
            levels.add(new PriorityLevel(key, n.localized("name", true), n.localized("definition", true)));
            n.finish();
        }
        if (ticketing.has("priorities")) {
            missing(ticketing.path("priorities"), Priority.values(), seen, "priority");
        }
        levels.sort(Comparator.comparing(PriorityLevel::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(levels);
    }

    private <E extends Enum<E>> void missing(String path, E[] all, Set<E> seen, String what) {
        for (E e : all) {
            if (!seen.contains(e)) {
                problems.add(path, "missing " + what + " " + e.name());
            }
        }
    }

    private CalendarSettings calendar(Node cal) {
        String zoneText = cal.text("zone");
        ZoneId zone = ZoneId.of("UTC");
        if (!zoneText.isEmpty()) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                cal.problem("zone", Problems.quote(zoneText) + " is not a known time zone (example: Europe/Paris)");
            }
        }
        Node hours = cal.section("hours", true);
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            List<TimeRange> ranges = new ArrayList<>();
            List<String> texts = hours.strings(key, false);
            for (int i = 0; i < texts.size(); i++) {
                String path = key + "[" + i + "]";
                Optional<TimeRange> range = BusinessTimeParser.range(texts.get(i));
                if (range.isEmpty()) {
                    hours.problem(path, Problems.quote(texts.get(i)) + " is not a range of hours (example: 09:00-18:00)");
                } else if (!range.get().start().isBefore(range.get().end())) {
                    hours.problem(path, Problems.quote(texts.get(i)) + " does not end after it starts");
                } else {
                    ranges.add(range.get());
                }
            }
            ranges.sort(Comparator.comparing(TimeRange::start));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i).start().isBefore(ranges.get(i - 1).end())) {
                    hours.problem(key, "ranges " + ranges.get(i - 1) + " and " + ranges.get(i) + " overlap");
                }
            }
            if (!ranges.isEmpty()) {
                week.put(day, List.copyOf(ranges));
            }
        }
        hours.finish();
        if (cal.has("hours") && week.isEmpty()) {
            cal.problem("hours", "no business hours on any day");
        }
        Node h = cal.section("holidays", true);
        String country = h.text("country").toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !COUNTRIES.contains(country)) {
            h.problem("country", Problems.quote(country) + " is not an ISO 3166 country code (example: FR)");
        }
        String region = h.optionalText("region").orElse(null);
        h.finish();
        List<LocalDate> closures = new ArrayList<>();
        List<String> dates = cal.strings("closures", false);
        for (int i = 0; i < dates.size(); i++) {
            try {
                LocalDate date = LocalDate.parse(dates.get(i));
                if (closures.contains(date)) {
                    cal.problem("closures[" + i + "]", "duplicate date " + date);
                }
                closures.add(date);
            } catch (DateTimeException e) {
                cal.problem("closures[" + i + "]", Problems.quote(dates.get(i)) + " is not a date (example: 2026-12-24)");
            }
        }
        cal.finish();
        return new CalendarSettings(zone, week, new Holidays(country, region), List.copyOf(closures));
    }

    private SlaPolicy sla(Node sla, long dayMinutes) {
        List<SlaTargets> targets = new ArrayList<>();
        for (Priority p : Priority.values()) {
            Node t = sla.section(p.name(), true);
            SlaTarget takeCharge = target(t, "take_charge", dayMinutes, false);
            SlaTarget resolution = target(t, "resolution", dayMinutes, true);
            if (takeCharge instanceof BusinessDuration tc && resolution instanceof BusinessDuration res
                    && tc.minutes() > res.minutes()) {
                t.problem(null, "take_charge (" + tc + ") is longer than resolution (" + res + ")");
            }
            t.finish();
            targets.add(new SlaTargets(p, takeCharge, resolution));
        }
        double threshold = sla.number("at_risk_threshold", true).map(n -> {
            if (n.compareTo(BigDecimal.ZERO) <= 0 || n.compareTo(BigDecimal.ONE) >= 0) {
                sla.problem("at_risk_threshold", n + " is not between 0 and 1 (exclusive), e.g. 0.75");
            }
            return n.doubleValue();
        }).orElse(0.75);
        PriorityChange change = sla.enumeration("priority_change", PriorityChange.class, "a priority-change policy");
        sla.finish();
        return new SlaPolicy(List.copyOf(targets), threshold, change == null ? PriorityChange.RECOMPUTE : change);
    }

    private static SlaTarget target(Node t, String key, long dayMinutes, boolean releaseAllowed) {
        String text = t.text(key);
        if (text.isEmpty()) {
            return BusinessDuration.ofMinutes(0);
        }
        if (text.equalsIgnoreCase("release")) {
            if (!releaseAllowed) {
                t.problem(key, "\"release\" is only allowed as a resolution target");
            }
            return new SlaTarget.NextMinorRelease();
        }
        return BusinessTimeParser.duration(text, dayMinutes, t, key,
                        releaseAllowed ? "30m, 1h, 1d, release" : "30m, 1h, 1d")
                .<SlaTarget>map(d -> d).orElse(BusinessDuration.ofMinutes(0));
    }

    private Workflow workflow(Node wf) {
        List<WorkflowStep> steps = new ArrayList<>();
        int previous = -1;
        Set<String> seen = new HashSet<>();
        for (Node n : wf.nodes("steps", true)) {
            String state = n.text("state").toUpperCase(Locale.ROOT);
            int index = WORKFLOW_STATES.indexOf(state);
            if (!state.isEmpty() && index < 0) {
                n.problem("state", Problems.quote(state) + " is not a workflow state (expected: "
                        + String.join(", ", WORKFLOW_STATES) + ")");
            } else if (!state.isEmpty() && !seen.add(state)) {
                n.problem("state", "duplicate state " + state);
            } else if (index >= 0 && index < previous) {
                n.problem("state", state + " comes after " + WORKFLOW_STATES.get(previous) + " in the workflow");
            }
            previous = Math.max(previous, index);
            Localized name = n.localized("name", true);
            boolean hasDetail = n.has("detail");
            Localized detail = n.localized("detail", false);
            steps.add(new WorkflowStep(state, name, hasDetail ? detail : null));
            n.finish();
        }
        List<String> exempt = labelRefs(wf, "tests_exempt_labels", false);
        wf.finish();
        return new Workflow(List.copyOf(steps), exempt);
    }

    private ChangeManagement changeManagement(Node cm) {
        boolean pr = cm.flag("pull_request_required", true);
        boolean tests = cm.flag("automated_tests_required", true);
        Set<String> seen = new HashSet<>();
        List<String> types = commitTypes(cm, "commit_types", true, seen);
        List<String> also = commitTypes(cm, "also_accepted_commit_types", false, seen);
        Localized notes = cm.localized("release_notes", true);
        List<String> api = cm.strings("api_paths", false);
        List<String> docs = cm.strings("doc_paths", false);
        String changelog = cm.optionalText("changelog").orElse("CHANGELOG.md");
        java.time.Duration failureWindow = ChangeManagement.DEFAULT_CHANGE_FAILURE_WINDOW;
        var window = cm.optionalText("change_failure_window");
        if (window.isPresent()) {
            var amount = java.util.regex.Pattern.compile("([1-9][0-9]{0,3})([hd])").matcher(window.get());
            if (amount.matches()) {
                long n = Long.parseLong(amount.group(1));
                failureWindow = amount.group(2).equals("h") ? java.time.Duration.ofHours(n) : java.time.Duration.ofDays(n);
            } else {
                cm.problem("change_failure_window", Problems.quote(window.get())
                        + " is not a wall-clock duration in hours or days (examples: 24h, 7d)");
            }
        }
        if (!api.isEmpty() && docs.isEmpty()) {
            cm.problem("doc_paths", "missing: api_paths needs doc_paths to check documentation updates");
        }
        cm.finish();
        return new ChangeManagement(pr, tests, types, also, notes, api, docs, changelog, failureWindow);
    }

    private static List<String> commitTypes(Node cm, String key, boolean required, Set<String> seen) {
        List<String> types = cm.strings(key, required);
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i);
            if (!COMMIT_TYPE.matcher(t).matches()) {
                cm.problem(key + "[" + i + "]", Problems.quote(t) + " is not a commit type (lower case, e.g. feat)");
            } else if (!seen.add(t)) {
                cm.problem(key + "[" + i + "]", "duplicate commit type " + Problems.quote(t));
            }
        }
        return types;
    }

    private List<ReleaseCadence> releaseCalendar(Node root) {
        List<ReleaseCadence> rows = new ArrayList<>();
        Set<ReleaseTag> seen = new HashSet<>();
        for (Node n : root.nodes("release_calendar", true)) {
            ReleaseTag tag = n.enumeration("tag", ReleaseTag.class, "a release tag");
            if (tag != null && !seen.add(tag)) {
                n.problem("tag", "duplicate release tag " + tag);
            }
            Frequency frequency = n.enumeration("frequency", Frequency.class, "a frequency");
            boolean ifNeeded = n.flag("if_needed", false);
            Localized content = n.localized("content", true);
            String window = n.text("window");
            if (!window.isEmpty()) {
                checkRrule(n, window);
            }
            n.finish();
            rows.add(new ReleaseCadence(tag, frequency, ifNeeded, content, window));
        }
        return List.copyOf(rows);
    }

    private static void checkRrule(Node n, String window) {
        try {
            new RecurrenceRule(window.replaceFirst("^RRULE:", ""), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            n.problem("window", Problems.quote(window) + " is not a valid RFC 5545 RRULE ("
                    + Problems.firstLine(e.getMessage()) + "; example: FREQ=MONTHLY;BYDAY=1TU)");
        }
    }

    private List<Kpi> kpis(Node root) {
        List<Kpi> kpis = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : root.nodes("kpis", true)) {
            String key = uniqueKey(n, seen, "KPI");
            Localized name = n.localized("name", true);
            Node t = n.section("target", true);
            Kpi.Operator operator = t.enumeration("operator", Kpi.Operator.class, "a KPI operator");
            BigDecimal value = t.number("value", operator != null && operator != Kpi.Operator.NOT_DECREASING)
                    .orElse(null);
            Kpi.Unit unit = t.enumeration("unit", Kpi.Unit.class, "a KPI unit");
            Localized text = t.localized("text", true);
            t.finish();
            n.finish();
            kpis.add(new Kpi(key, name, new Kpi.Target(operator, value, unit, text)));
        }
        return List.copyOf(kpis);
    }

    private static String uniqueKey(Node n, Set<String> seen, String what) {
        String key = n.text("key");
        if (!key.isEmpty() && !seen.add(key)) {
            n.problem("key", "duplicate " + what + " key " + Problems.quote(key));
        }
        return key;
    }

    private BacklogReview backlog(Node b) {
        Frequency review = b.enumeration("review", Frequency.class, "a frequency");
        List<Criterion> criteria = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : b.nodes("criteria", true)) {
            criteria.add(new Criterion(uniqueKey(n, seen, "criterion"), n.localized("name", true)));
            n.finish();
        }
        String label = labelRef(b, "tech_debt_label");
        BacklogReview.ScoreFormula score = b.scalar("score", false)
                .map(s -> Node.enumValue(s.text(), BacklogReview.ScoreFormula.class, "a score formula", (p, m) -> {
                    b.problem("score", m);
                    return BacklogReview.ScoreFormula.VALUE_TIMES_RISK;
                }))
                .orElse(BacklogReview.ScoreFormula.VALUE_TIMES_RISK);
        b.finish();
        return new BacklogReview(review, List.copyOf(criteria), label, score);
    }

    private static DocumentationRules documentation(Node d) {
        DocumentationRules rules = new DocumentationRules(d.flag("api_change_requires_docs", true),
                d.flag("api_change_requires_changelog", true), d.text("procedures_dir"));
        d.finish();
        return rules;
    }

    private List<PreventiveAction> preventive(Node root) {
        List<PreventiveAction> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : root.nodes("preventive", true)) {
            String key = uniqueKey(n, seen, "preventive action");
            Localized name = n.localized("name", true);
            String rule = n.text("rule");
            Frequency frequency = null;
            if (!rule.isEmpty()) {
                PreventiveAction.ruleProblem(rule).ifPresent(p -> n.problem("rule", p));
                frequency = PreventiveAction.frequencyOf(rule);
            }
            int due = n.integer("due_business_days", 1);
            if (due < 1 || due > 250) {
                n.problem("due_business_days", due + " is not between 1 and 250 business days");
            }
            boolean restoreTime = n.flag("measure_restore_time", false);
            List<String> labels = labelRefs(n, "labels", false);
            List<Localized> checklist = new ArrayList<>();
            List<Object> items = n.list("checklist", true);
            for (int i = 0; i < items.size(); i++) {
                checklist.add(Node.localized(items.get(i), n.path("checklist") + "[" + i + "]", problems));
            }
            if (items.isEmpty() && n.has("checklist")) {
                n.problem("checklist", "must list at least one item");
            }
            n.finish();
            actions.add(new PreventiveAction(key, name, rule, frequency, due, labels, checklist, restoreTime));
        }
        return List.copyOf(actions);
    }

    private Watch watch(Node w) {
        List<Watch.Source> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : w.nodes("sources", true)) {
            String key = uniqueKey(n, seen, "watch source");
            String name = n.text("name");
            Watch.Kind kind = n.enumeration("kind", Watch.Kind.class, "a watch source kind");
            String url = n.optionalText("url").orElse(null);
            if (url != null && !isWebAddress(url)) {
                n.problem("url", Problems.quote(url) + " is not an http(s) address");
            }
            List<String> packages = n.strings("packages", false);
            for (int i = 0; i < packages.size(); i++) {
                if (!packages.get(i).matches("[A-Za-z][A-Za-z0-9.+-]*:\\S+")) {
                    n.problem("packages[" + i + "]", Problems.quote(packages.get(i))
                            + " is not ECOSYSTEM:name (examples: PyPI:django, npm:axios, Maven:org.example:lib)");
                }
            }
            if (url == null) {
                n.problem("url", "missing (required for a watch source)");
            }
            n.finish();
            sources.add(new Watch.Source(key, name, kind, url, packages));
        }
        Frequency consolidation = w.enumeration("consolidation", Frequency.class, "a frequency");
        String label = labelRef(w, "label");
        List<String> files = w.strings("dependency_files", false);
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (file.startsWith("/") || file.contains("..") || !(base.matches("requirements.*\\.txt")
                    || base.equals("poetry.lock") || base.equals("package-lock.json") || base.equals("pom.xml"))) {
                w.problem("dependency_files[" + i + "]", Problems.quote(file) + " is not a dependency file inside the"
                        + " repository (known: requirements*.txt, poetry.lock, package-lock.json, pom.xml)");
            }
        }
        String security = w.has("security_label") ? labelRef(w, "security_label") : null;
        Watch.CvssThresholds cvss = Watch.CvssThresholds.DEFAULT;
        if (w.has("cvss")) {
            Node c = w.section("cvss", true);
            BigDecimal[] t = new BigDecimal[3];
            BigDecimal[] fallback = {cvss.p1(), cvss.p2(), cvss.p3()};
            for (int i = 0; i < 3; i++) {
                String k = "P" + (i + 1);
                t[i] = c.number(k, true).orElse(fallback[i]);
                if (t[i].signum() < 0 || t[i].compareTo(BigDecimal.TEN) > 0) {
                    c.problem(k, t[i] + " is not a CVSS score (0 to 10)");
                }
            }
            if (t[0].compareTo(t[1]) < 0 || t[1].compareTo(t[2]) < 0) {
                c.problem("P1", "the thresholds must not increase from P1 to P3 (" + t[0] + ", " + t[1] + ", " + t[2] + ")");
            }
            c.finish();
            cvss = new Watch.CvssThresholds(t[0], t[1], t[2]);
        }
        w.finish();
        return new Watch(List.copyOf(sources), consolidation, label, List.copyOf(files), security, cvss);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private DeprecationPolicy deprecation(Node d) {
        String label = labelRef(d, "label");
        boolean tag = d.flag("release_notes_tag", true);
        boolean plan = d.flag("withdrawal_plan_required", true);
        int cycles = d.integer("removal_after_minor_releases", 2);
        if (cycles < 0) {
            d.problem("removal_after_minor_releases", cycles + " must be 0 or more");
        }
        d.finish();
        return new DeprecationPolicy(label, tag, plan, cycles);
    }

    private PostmortemRule postmortem(Node p) {
        List<Priority> priorities = new ArrayList<>();
        List<String> texts = p.strings("priorities", false);
        for (int i = 0; i < texts.size(); i++) {
            String path = "priorities[" + i + "]";
            Priority priority = Node.enumValue(texts.get(i), Priority.class, "a priority", (t, m) -> {
                p.problem(path, m);
                return null;
            });
            if (priority != null) {
                priorities.add(priority);
            }
        }
        List<String> labels = labelRefs(p, "labels", false);
        List<PostmortemSection> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : p.nodes("sections", true)) {
            sections.add(new PostmortemSection(uniqueKey(n, seen, "section"), n.localized("title", true)));
            n.finish();
        }
        java.time.Period resolvedAfter = PostmortemRule.DEFAULT_CAUSE_RESOLVED_AFTER;
        var resolved = p.optionalText("cause_resolved_after");
        if (resolved.isPresent()) {
            var days = java.util.regex.Pattern.compile("([1-9][0-9]{0,3})d").matcher(resolved.get());
            if (days.matches()) {
                resolvedAfter = java.time.Period.ofDays(Integer.parseInt(days.group(1)));
            } else {
                p.problem("cause_resolved_after", Problems.quote(resolved.get())
                        + " is not a number of calendar days (examples: 30d, 90d)");
            }
        }
        p.finish();
        return new PostmortemRule(List.copyOf(priorities), labels, List.copyOf(sections), resolvedAfter);
    }

    private List<TicketTemplate> templates(Node root) {
        List<TicketTemplate> templates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : root.nodes("templates", false)) {
            String key = uniqueKey(n, seen, "template");
            Localized name = n.localized("name", true);
            TicketType type = n.enumeration("type", TicketType.class, "a maintenance type");
            Priority priority = n.optionalText("priority").map(t -> Node.enumValue(t, Priority.class, "a priority",
                    (x, m) -> {
                        n.problem("priority", m);
                        return null;
                    })).orElse(null);
            List<String> labels = labelRefs(n, "labels", false);
            List<TemplateField> fields = new ArrayList<>();
            Set<String> fieldKeys = new HashSet<>();
            for (Node f : n.nodes("fields", true)) {
                String fieldKey = uniqueKey(f, fieldKeys, "field");
                Localized label = f.localized("label", true);
                boolean required = f.flag("required", false);
                int max = f.integer("max_length", 0);
                if (f.has("max_length") && max <= 0) {
                    f.problem("max_length", max + " must be greater than zero");
                }
                f.finish();
                fields.add(new TemplateField(fieldKey, label, required, max));
            }
            n.finish();
            templates.add(new TicketTemplate(key, name, type, priority, labels, List.copyOf(fields)));
        }
        return List.copyOf(templates);
    }

    private String labelRef(Node n, String key) {
        String label = n.text(key);
        if (!label.isEmpty()) {
            checkLabel(n, key, label);
        }
        return label;
    }

    private List<String> labelRefs(Node n, String key, boolean required) {
        List<String> labels = n.strings(key, required);
        for (int i = 0; i < labels.size(); i++) {
            checkLabel(n, key + "[" + i + "]", labels.get(i));
        }
        return List.copyOf(labels);
    }

    private void checkLabel(Node n, String key, String label) {
        if (!labelNames.isEmpty() && !labelNames.contains(label)) {
            n.problem(key, "unknown label " + Problems.quote(label) + " (known: " + String.join(", ", labelNames) + ")");
        }
    }
}
