package dev.maintenancedesk.watch;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Watch;
import dev.maintenancedesk.preventive.PreventiveTicketOpened;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The technology watch: fetches every source of the plan (each on its own — a failing source is recorded and
 * shown, never fatal; one that asked us to wait with Retry-After is left alone until then), stores items and
 * advisories, matches advisories against the product's dependencies (tickets through {@link SecurityAlerts}),
 * and consolidates a month into the "Veille YYYY-MM" digest, which fills the preventive calendar's
 * {@code watch_consolidation} ticket.
 */
@Service
public class TechnologyWatch {

    /** The preventive action whose ticket the monthly digest fills. */
    public static final String CONSOLIDATION_ACTION = "watch_consolidation";
    /** The Markdown description stays under the ticket's 64 KiB (bytes of UTF-8; headings counted roughly). */
    static final int MARKDOWN_MAX = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(TechnologyWatch.class);

    private final Plan plan;
    private final WatchStore store;
    private final SourceFetcher fetcher;
    private final ProductDependencies dependencies;
    private final SecurityAlerts alerts;
    private final Tickets tickets;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    @Autowired
    TechnologyWatch(Plan plan, WatchStore store, ProductDependencies dependencies, SecurityAlerts alerts,
            Tickets tickets, MessageSource messages, TransactionTemplate transactions, Clock clock,
            @Value("${desk.watch.timeout:PT20S}") Duration timeout,
            @Value("${desk.watch.nvd-api-key:}") String nvdApiKey) {
        this(plan, store, dependencies, alerts, tickets, messages, transactions, clock,
                new SourceFetcher(new SourceHttp(timeout, clock), nvdApiKey == null || nvdApiKey.isBlank()
                        ? RateLimiter.system(5, Duration.ofSeconds(30)) : RateLimiter.system(50, Duration.ofSeconds(30)),
                        nvdApiKey, 2000, 20, 300));
    }

    TechnologyWatch(Plan plan, WatchStore store, ProductDependencies dependencies, SecurityAlerts alerts,
            Tickets tickets, MessageSource messages, TransactionTemplate transactions, Clock clock,
            SourceFetcher fetcher) {
        this.plan = plan;
        this.store = store;
        this.dependencies = dependencies;
        this.alerts = alerts;
        this.tickets = tickets;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.fetcher = fetcher;
        this.zone = plan.calendar().zone();
    }

    /** What a run did. */
    public record RunReport(int sources, int failing, int skipped, int newItems, int ticketsOpened) {}

    /** Fetches the plan's sources, reads the dependency files, opens the tickets due. */
    public RunReport fetchAll() {
        return run(fetcher, plan.watch().sources(), dependencies.read());
    }

    RunReport run(SourceFetcher using, List<Watch.Source> sources, List<Dependency> deps) {
        int failing = 0;
        int skipped = 0;
        int added = 0;
        for (Watch.Source source : sources) {
            Instant now = clock.instant();
            WatchStore.SourceRow before = store.source(source.key()).orElse(null);
            if (before != null && before.retryAfter() != null && now.isBefore(before.retryAfter())) {
                skipped++; // the server asked us to wait (429 / 503 Retry-After)
                continue;
            }
            SourceFetcher.Previous previous = before == null ? SourceFetcher.Previous.NONE
                    : new SourceFetcher.Previous(before.etag(), before.lastModified(), before.lastSuccess());
            try {
                Batch batch = using.fetch(source, previous, deps, store::storedModified, now);
                Integer n = transactions.execute(status -> {
                    for (Advisory a : batch.advisories()) {
                        store.saveAdvisory(a, source.key(), now);
                    }
                    int fresh = store.saveItems(source.key(), batch.items(), now);
                    store.recordSuccess(source.key(), batch.notModified() ? "NOT_MODIFIED" : "OK", batch.etag(),
                            batch.lastModified(), store.itemCount(source.key()), now);
                    return fresh;
                });
                added += n == null ? 0 : n;
            } catch (SourceHttp.Failure e) {
                failing++;
                store.recordFailure(source.key(), e.getMessage(), e.code, e.args, e.retryAfter, now);
            } catch (RuntimeException e) {
                failing++;
                LOG.warn("watch source {} failed", source.key(), e);
                String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + Texts.clip(e.getMessage(), 200) + ")");
                store.recordFailure(source.key(), "internal error: " + detail, "internal", List.of(detail), null, now);
            }
        }
        int opened = alerts.open(deps);
        return new RunReport(sources.size(), failing, skipped, added, opened);
    }

    /** The plan's sources and dependency files with their recorded state. */
    public List<SourceStatus> sources() {
        List<SourceStatus> out = new ArrayList<>();
        for (Watch.Source s : plan.watch().sources()) {
            out.add(status(s.key(), s.name(), s.kind().name(), s.url()));
        }
        for (String file : plan.watch().dependencyFiles()) {
            out.add(status(ProductDependencies.FILE_PREFIX + file, file, "FILE", null));
        }
        return out;
    }

    private SourceStatus status(String key, String name, String kind, String url) {
        return store.source(key).map(r -> new SourceStatus(key, name, kind, url, r.state(), r.error(),
                r.errorCode() == null ? null : "watch.error." + r.errorCode(), r.errorArgs().toArray(String[]::new),
                r.lastAttempt(), r.lastSuccess(), r.retryAfter(), r.itemCount()))
                .orElse(new SourceStatus(key, name, kind, url, "NEVER", null, null, new String[0], null, null, null, 0));
    }

    /** The product clone the dependency files are read from; empty when {@code DESK_PRODUCT_REPOSITORY} is unset. */
    public String productRepository() {
        return dependencies.repository();
    }

    public Digest digest(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, WatchStore.Stored> advisories = new LinkedHashMap<>();
        List<Digest.Alert> monthAlerts = new ArrayList<>();
        for (WatchStore.AlertRow a : store.alerts()) {
            WatchStore.Stored adv = advisories.computeIfAbsent(a.advisoryId(),
                    id -> store.canonical(id).flatMap(store::stored).orElse(null));
            boolean inMonth = !a.openedAt().isBefore(from) && a.openedAt().isBefore(to);
            boolean publishedInMonth = adv != null && adv.published() != null && !adv.published().isBefore(from)
                    && adv.published().isBefore(to);
            if (adv == null || !(inMonth || publishedInMonth)) {
                continue;
            }
            monthAlerts.add(new Digest.Alert(adv.id(), SecurityAlerts.displayId(adv), adv.link(), adv.summary(),
                    a.ecosystem(), a.pkg(), a.version(), a.fixed(), a.cvss(),
                    plan.watch().cvss().priority(a.cvss()).name(), a.ticket()));
        }
        Set<String> ours = store.alerts().stream().flatMap(a -> store.canonical(a.advisoryId()).stream())
                .collect(Collectors.toSet());
        Map<String, List<Digest.Entry>> bySource = new LinkedHashMap<>();
        for (Watch.Source s : plan.watch().sources()) {
            bySource.put(s.key(), new ArrayList<>());
        }
        for (WatchStore.ItemRow i : store.items(from, to)) {
            bySource.computeIfAbsent(i.sourceKey(), k -> new ArrayList<>()).add(new Digest.Entry(i.title(), i.link(),
                    i.summary(), i.published(), i.advisoryId(), i.advisoryId() != null && ours.contains(i.advisoryId())));
        }
        List<Digest.Section> sections = new ArrayList<>();
        for (Map.Entry<String, List<Digest.Entry>> e : bySource.entrySet()) {
            List<Digest.Entry> entries = new ArrayList<>(e.getValue());
            entries.sort(Comparator.comparing(Digest.Entry::touchesUs).reversed()
                    .thenComparing(Digest.Entry::published, Comparator.reverseOrder()));
            String name = plan.watch().sources().stream().filter(s -> s.key().equals(e.getKey()))
                    .map(s -> plan.watch().sources().stream().filter(o -> o.name().equals(s.name())).count() > 1
                            ? s.name() + " (" + s.kind().name() + ")" : s.name())
                    .findFirst().orElse(e.getKey());
            sections.add(new Digest.Section(e.getKey(), name, List.copyOf(entries)));
        }
        return new Digest(month, List.copyOf(monthAlerts), List.copyOf(sections));
    }

    /** The digest as Markdown, in the given language (the ticket's description is in French). */
    public String markdown(YearMonth month, Locale locale) {
        Digest d = digest(month);
        StringBuilder s = new StringBuilder();
        s.append("# ").append(title(month)).append("\n\n");
        s.append(m("watch.md.intro", locale, d.itemCount(), d.alerts().size())).append("\n\n");
        s.append("## ").append(m("watch.md.ours", locale)).append("\n\n");
        if (d.alerts().isEmpty()) {
            s.append("_").append(m("watch.md.oursNone", locale)).append("_\n\n");
        }
        for (Digest.Alert a : d.alerts()) {
            String link = Markdowns.url(a.link());
            s.append("- **").append(link == null ? Markdowns.escape(a.displayId())
                    : "[" + Markdowns.escape(a.displayId()) + "](" + link + ")").append("** — ")
                    .append(m("watch.md.alert", locale, Markdowns.escape(a.pkg()), a.ecosystem(),
                            Markdowns.escape(a.version()), a.fixed() == null ? m("watch.md.noFix", locale)
                                    : Markdowns.escape(a.fixed()),
                            a.cvss() == null ? "—" : a.cvss().toPlainString(), a.priority(), a.ticket()))
                    .append('\n');
            if (a.summary() != null) {
                s.append("  ").append(Markdowns.escape(Texts.clip(a.summary(), 300))).append('\n');
            }
        }
        if (!d.alerts().isEmpty()) {
            s.append('\n');
        }
        int cut = 0;
        int bytes = s.toString().getBytes(StandardCharsets.UTF_8).length;
        for (Digest.Section section : d.sections()) {
            s.append("## ").append(Markdowns.escape(section.name())).append(" (").append(section.entries().size())
                    .append(")\n\n");
            if (section.entries().isEmpty()) {
                s.append("_").append(m("watch.md.none", locale)).append("_\n\n");
                continue;
            }
            for (Digest.Entry e : section.entries()) {
                String link = Markdowns.url(e.link());
                StringBuilder line = new StringBuilder("- ").append(e.published().atZone(zone).toLocalDate()).append(" — ")
                        .append(e.touchesUs() ? "**" + m("watch.md.touchesUs", locale) + "** " : "")
                        .append(link == null ? Markdowns.escape(e.title()) : "[" + Markdowns.escape(e.title()) + "](" + link + ")")
                        .append('\n');
                if (e.summary() != null && !e.summary().isBlank() && e.advisory() == null) {
                    line.append("  ").append(Markdowns.escape(Texts.clip(e.summary(), 240))).append('\n');
                }
                int size = line.toString().getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > MARKDOWN_MAX) {
                    cut++;
                    continue;
                }
                bytes += size;
                s.append(line);
            }
            s.append('\n');
        }
        if (cut > 0) {
            s.append("_").append(m("watch.md.cut", locale, cut, month)).append("_\n");
        }
        return s.toString();
    }

    public static String title(YearMonth month) {
        return "Veille " + month;
    }

    /** Fills a consolidation ticket with the month's digest (title "Veille YYYY-MM", the plan's watch label). */
    public void fillConsolidationTicket(YearMonth month, long number) {
        TicketView ticket = tickets.get(number);
        List<String> labels = new ArrayList<>(ticket.labels());
        if (plan.watch().label() != null && !labels.contains(plan.watch().label())) {
            labels.add(plan.watch().label());
        }
        tickets.update(number, new TicketView.Changes(ticket.version(), title(month), markdown(month, Locale.FRENCH),
                null, null, labels, null, null, null, null, null, null, null, null), Actor.automation("desk"));
    }

    @ApplicationModuleListener
    void on(PreventiveTicketOpened event) {
        if (!CONSOLIDATION_ACTION.equals(event.actionKey())) {
            return;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(event.period());
        } catch (DateTimeParseException e) {
            LOG.warn("watch consolidation ticket #{}: period {} is not YYYY-MM", event.ticketNumber(), event.period());
            return;
        }
        fillConsolidationTicket(month, event.ticketNumber());
    }

    private String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
