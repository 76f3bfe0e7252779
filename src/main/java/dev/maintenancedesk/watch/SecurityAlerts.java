package dev.maintenancedesk.watch;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.plan.Watch;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.Tickets;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches the stored advisories against the product's dependencies, by each ecosystem's version rules, and
 * opens one security ticket per advisory, package and version used — never twice: the alert row's key is
 * unique and written in the ticket's transaction. The priority comes from the CVSS score and the plan's
 * thresholds.
 */
@Component
class SecurityAlerts {

    /** One advisory touching one dependency. */
    record Match(WatchStore.Stored advisory, Dependency dependency, String version, String fixed) {}

    private final WatchStore store;
    private final Tickets tickets;
    private final Plan plan;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SecurityAlerts(WatchStore store, Tickets tickets, Plan plan, MessageSource messages,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.plan = plan;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    static List<Match> matches(List<WatchStore.Stored> advisories, List<Dependency> dependencies) {
        Map<String, List<Dependency>> byName = new HashMap<>();
        Map<String, List<Dependency>> bySquashedName = new HashMap<>();
        for (Dependency d : dependencies) {
            byName.computeIfAbsent(d.ecosystem() + " " + d.ecosystem().normalize(d.name()), k -> new ArrayList<>()).add(d);
            bySquashedName.computeIfAbsent(squash(d.name()), k -> new ArrayList<>()).add(d);
        }
        List<Match> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (WatchStore.Stored a : advisories) {
            for (Advisory.Affected affected : a.affected()) {
                List<Dependency> candidates;
                if (affected.ecosystem().startsWith("CPE:")) {
                    candidates = bySquashedName.getOrDefault(squash(affected.name()), List.of());
                } else {
                    Optional<Ecosystem> e = Ecosystem.of(affected.ecosystem());
                    candidates = e.isEmpty() ? List.of()
                            : byName.getOrDefault(e.get() + " " + e.get().normalize(affected.name()), List.of());
                }
                for (Dependency d : candidates) {
                    match(affected, d).ifPresent(m -> {
                        if (seen.add(a.id() + " " + d.ecosystem() + " " + d.ecosystem().normalize(d.name()) + " " + m.version())) {
                            out.add(new Match(a, d, m.version(), m.fixed()));
                        }
                    });
                }
            }
        }
        return out;
    }

    private record Hit(String version, String fixed) {}

    /**
     * A pinned dependency is matched by its version; an unpinned PyPI requirement by the versions the advisory
     * lists that the requirement admits (the highest such affected version gives the fixed version).
     */
    private static Optional<Hit> match(Advisory.Affected affected, Dependency d) {
        if (d.version() != null) {
            return AffectedVersions.check(affected, d.ecosystem(), d.version())
                    .map(f -> new Hit(d.version(), f.fixed()));
        }
        if (d.ecosystem() != Ecosystem.PYPI || d.requirement() == null) {
            return Optional.empty();
        }
        Pep440.SpecifierSet spec;
        try {
            spec = Pep440.SpecifierSet.parse("*".equals(d.requirement()) ? "" : d.requirement());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return affected.versions().stream()
                .filter(v -> Ecosystem.PYPI.valid(v) && spec.contains(v, false))
                .max(Ecosystem.PYPI.order())
                .flatMap(v -> AffectedVersions.check(affected, Ecosystem.PYPI, v))
                .map(f -> new Hit(d.requirement(), f.fixed()));
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Opens the tickets not opened yet; answers how many were opened. */
    int open(List<Dependency> dependencies) {
        Watch watch = plan.watch();
        int opened = 0;
        for (Match m : matches(store.advisories(), dependencies)) {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(m.advisory().id());
            ids.addAll(m.advisory().aliases());
            String eco = m.dependency().ecosystem().osvName();
            String pkg = m.dependency().ecosystem().normalize(m.dependency().name());
            if (store.alertExists(ids, eco, pkg, m.version())) {
                continue;
            }
            try {
                Boolean done = transactions.execute(status -> {
                    if (store.alertExists(ids, eco, pkg, m.version())) {
                        return false;
                    }
                    Priority priority = watch.cvss().priority(m.advisory().cvss());
                    String label = watch.securityLabel() != null ? watch.securityLabel() : "security";
                    long number = tickets.create(new NewTicket(title(m), description(m, priority), TicketType.CORRECTIVE,
                            priority, List.of(label), null, null, null, null, null), Actor.automation("desk")).number();
                    store.insertAlert(m.advisory().id(), eco, pkg, m.version(), m.fixed(), m.advisory().cvss(), number,
                            clock.instant());
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    opened++;
                }
            } catch (DuplicateKeyException raced) {
                // another run opened it first: its ticket stands, ours was rolled back
            }
        }
        return opened;
    }

    private String title(Match m) {
        String id = displayId(m.advisory());
        return Texts.clip(messages.getMessage("watch.alert.title", new Object[] {id, m.dependency().name(), m.version()},
                Locale.FRENCH), 200);
    }

    /** A CVE id when the advisory has one (what people search for), else its own. */
    static String displayId(WatchStore.Stored a) {
        if (a.id().startsWith("CVE-")) {
            return a.id();
        }
        return a.aliases().stream().filter(x -> x.startsWith("CVE-")).sorted(Comparator.naturalOrder()).findFirst()
                .map(cve -> cve + " / " + a.id()).orElse(a.id());
    }

    private String description(Match m, Priority priority) {
        Locale fr = Locale.FRENCH;
        WatchStore.Stored a = m.advisory();
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage("watch.alert.advisory", new Object[] {a.id(), a.link() == null ? "" : a.link()}, fr));
        if (!a.aliases().isEmpty()) {
            lines.add(messages.getMessage("watch.alert.aliases", new Object[] {String.join(", ", a.aliases())}, fr));
        }
        lines.add(messages.getMessage("watch.alert.package", new Object[] {m.dependency().name(),
                m.dependency().ecosystem().osvName(), m.dependency().file()}, fr));
        lines.add(messages.getMessage("watch.alert.version", new Object[] {m.version()}, fr));
        lines.add(m.fixed() == null ? messages.getMessage("watch.alert.noFix", null, fr)
                : messages.getMessage("watch.alert.fixed", new Object[] {m.fixed()}, fr));
        BigDecimal cvss = a.cvss();
        lines.add(cvss == null ? messages.getMessage("watch.alert.noCvss", new Object[] {priority}, fr)
                : messages.getMessage("watch.alert.cvss", new Object[] {cvss.toPlainString(), priority}, fr));
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append("- ").append(l).append('\n'));
        if (a.summary() != null) {
            s.append('\n').append(Markdowns.escape(a.summary())).append('\n');
        }
        return s.toString();
    }
}
