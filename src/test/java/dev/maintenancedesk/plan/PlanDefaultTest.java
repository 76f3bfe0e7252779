package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.BusinessDuration.Unit;
import dev.maintenancedesk.plan.SlaPolicy.PriorityChange;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default plan carries every value of the seed plan, section by section. */
class PlanDefaultTest {

    private final Plan plan = PlanLoader.loadDefault();

    @Test
    void objectivesAndMaintenanceTypes() {
        assertThat(plan.name()).isEqualTo("CESIZen");
        assertThat(plan.objectives().fr()).isEqualTo("Assurer la continuité du service, la correction rapide des "
                + "anomalies, l’évolution maîtrisée et la traçabilité.");
        assertThat(plan.objectives().en()).startsWith("Ensure service continuity");
        assertThat(plan.maintenanceTypes()).extracting(MaintenanceType::key)
                .containsExactly(TicketType.CORRECTIVE, TicketType.EVOLUTIVE, TicketType.PREVENTIVE, TicketType.ADAPTIVE);
        assertThat(plan.maintenanceTypes()).extracting(t -> t.name().fr())
                .containsExactly("Corrective", "Évolutive", "Préventive", "Adaptative");
        assertThat(plan.maintenanceTypes()).extracting(t -> t.description().fr()).containsExactly(
                "Correction bugs / incidents", "Nouvelles fonctionnalités / améliorations",
                "Mises à jour, refactorings", "Changement d’environnement (DB, OS)");
        assertThat(plan.maintenanceTypes()).allSatisfy(t -> assertThat(t.description().en()).isNotBlank());
    }

    @Test
    void ticketingLabelsAndPriorities() {
        assertThat(plan.ticketing().tool()).isEqualTo("GitHub Issues");
        assertThat(plan.ticketing().labels()).containsExactly("bug", "feature", "security", "documentation", "performance");
        assertThat(plan.labels()).extracting(Label::name)
                .containsExactly("bug", "feature", "security", "documentation", "performance", "tech-debt", "veille", "deprecated");
        assertThat(plan.knowsLabel("tech-debt")).isTrue();
        assertThat(plan.knowsLabel("Bug")).isFalse();
        assertThat(plan.priorities()).extracting(p -> p.key() + " " + p.name().fr())
                .containsExactly("P1 critique", "P2 majeur", "P3 mineur", "P4 amélioration");
        assertThat(plan.priority(Priority.P1).definition().fr()).isEqualTo("Service indisponible / faille critique");
        assertThat(plan.priority(Priority.P3).definition().fr()).isEqualTo("Bug impact limité");
        assertThat(plan.priority(Priority.P2).name().en()).isEqualTo("major");
    }

    @Test
    void slaTableInBusinessTime() {
        SlaPolicy sla = plan.sla();
        assertThat(sla.targets(Priority.P1).takeCharge()).isEqualTo(new BusinessDuration(1, Unit.HOURS, 60));
        assertThat(sla.targets(Priority.P1).resolution()).isEqualTo(new BusinessDuration(3, Unit.HOURS, 180));
        assertThat(sla.targets(Priority.P2).takeCharge()).isEqualTo(new BusinessDuration(2, Unit.HOURS, 120));
        assertThat(sla.targets(Priority.P2).resolution()).isEqualTo(new BusinessDuration(6, Unit.HOURS, 360));
        assertThat(sla.targets(Priority.P3).takeCharge()).isEqualTo(new BusinessDuration(1, Unit.DAYS, 540));
        assertThat(sla.targets(Priority.P3).resolution()).isEqualTo(new BusinessDuration(5, Unit.DAYS, 2700));
        assertThat(sla.targets(Priority.P4).takeCharge()).isEqualTo(new BusinessDuration(2, Unit.DAYS, 1080));
        assertThat(sla.targets(Priority.P4).resolution()).isInstanceOf(SlaTarget.NextMinorRelease.class);
        assertThat(sla.atRiskThreshold()).isEqualTo(0.75);
        assertThat(sla.priorityChange()).isEqualTo(PriorityChange.RECOMPUTE);
    }

    @Test
    void businessCalendar() {
        CalendarSettings calendar = plan.calendar();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(calendar.hoursOn(DayOfWeek.MONDAY))
                .containsExactly(new CalendarSettings.TimeRange(LocalTime.of(9, 0), LocalTime.of(18, 0)));
        assertThat(calendar.hoursOn(DayOfWeek.FRIDAY)).hasSize(1);
        assertThat(calendar.hoursOn(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(calendar.hoursOn(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(calendar.standardDayMinutes()).isEqualTo(540);
        assertThat(calendar.holidays().country()).isEqualTo("FR");
        assertThat(calendar.holidays().region()).isNull();
        assertThat(calendar.closures()).isEmpty();
    }

    @Test
    void workflowAndChangeManagement() {
        assertThat(plan.workflow().steps()).extracting(Workflow.WorkflowStep::state)
                .containsExactly("NEW", "TRIAGED", "ASSIGNED", "IN_PROGRESS", "IN_REVIEW", "MERGED", "CLOSED");
        assertThat(plan.workflow().steps()).extracting(s -> s.name().fr()).containsExactly("Création",
                "Qualification", "Attribution", "Implémentation", "Revue", "Merge + release note", "Clôture");
        assertThat(plan.workflow().steps().get(4).detail().fr()).isEqualTo("PR + tests");
        assertThat(plan.workflow().steps().get(3).detail()).isNull();
        assertThat(plan.testsExemptLabels()).containsExactly("documentation");

        ChangeManagement cm = plan.changeManagement();
        assertThat(cm.pullRequestRequired()).isTrue();
        assertThat(cm.automatedTestsRequired()).isTrue();
        assertThat(cm.commitTypes()).containsExactly("feat", "fix", "chore", "docs", "refactor", "security");
        assertThat(cm.alsoAcceptedCommitTypes()).containsExactly("perf", "test", "build", "ci", "style", "revert");
        assertThat(cm.acceptsCommitType("FEAT")).isTrue();
        assertThat(cm.acceptsCommitType("wip")).isFalse();
        assertThat(cm.releaseNotes().fr()).isEqualTo("dérivées (script futur ou manuel)");
        assertThat(cm.apiPaths()).containsExactly("api/**");
        assertThat(cm.docPaths()).containsExactly("docs/**", "ops/docs/**");
        assertThat(cm.changelog()).isEqualTo("CHANGELOG.md");
    }

    @Test
    void releaseCalendar() {
        assertThat(plan.releaseCalendar()).extracting(ReleaseCadence::tag)
                .containsExactly(ReleaseTag.PATCH, ReleaseTag.MINOR, ReleaseTag.MAJOR);
        assertThat(plan.releaseCalendar()).extracting(ReleaseCadence::frequency)
                .containsExactly(Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY);
        assertThat(plan.releaseCalendar()).extracting(ReleaseCadence::ifNeeded).containsExactly(true, false, false);
        assertThat(plan.releaseCalendar()).extracting(r -> r.content().fr())
                .containsExactly("Correctifs mineurs", "Évolutions mineures", "Changement majeur planifié");
        assertThat(plan.releaseCalendar()).extracting(ReleaseCadence::window).containsExactly(
                "FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=1TU", "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1TU");
        assertThat(plan.release(ReleaseTag.MINOR)).isPresent();
    }

    @Test
    void kpisAreTyped() {
        assertThat(plan.kpis()).hasSize(5);
        assertThat(plan.kpis()).extracting(k -> k.name().fr()).containsExactly("Taux succès déploiements",
                "Délai moyen résolution P1", "% Tickets avec tests associés", "Couverture tests",
                "Incidents récurrents (même cause)");
        Kpi.Target deployments = plan.kpis().get(0).target();
        assertThat(deployments.operator()).isEqualTo(Kpi.Operator.AT_LEAST);
        assertThat(deployments.value()).isEqualByComparingTo("95");
        assertThat(deployments.unit()).isEqualTo(Kpi.Unit.PERCENT);
        assertThat(deployments.text().fr()).isEqualTo("≥ 95%");
        assertThat(deployments.isMetBy(new BigDecimal("95"), null)).isTrue();
        assertThat(deployments.isMetBy(new BigDecimal("94.9"), null)).isFalse();
        Kpi.Target p1 = plan.kpis().get(1).target();
        assertThat(p1.operator()).isEqualTo(Kpi.Operator.LESS_THAN);
        assertThat(p1.value()).isEqualByComparingTo("4");
        assertThat(p1.unit()).isEqualTo(Kpi.Unit.HOURS);
        assertThat(plan.kpis().get(2).target().value()).isEqualByComparingTo("100");
        Kpi.Target coverage = plan.kpis().get(3).target();
        assertThat(coverage.operator()).isEqualTo(Kpi.Operator.NOT_DECREASING);
        assertThat(coverage.text().fr()).isEqualTo("Maintien / amélioration");
        assertThat(coverage.isMetBy(new BigDecimal("80"), new BigDecimal("81"))).isFalse();
        Kpi.Target recurring = plan.kpis().get(4).target();
        assertThat(recurring.operator()).isEqualTo(Kpi.Operator.EQUAL);
        assertThat(recurring.value()).isEqualByComparingTo("0");
        assertThat(recurring.text().fr()).isEqualTo("0 après action corrective");
    }

    @Test
    void backlogDocumentationAndPreventive() {
        assertThat(plan.backlog().review()).isEqualTo(Frequency.MONTHLY);
        assertThat(plan.backlog().criteria()).extracting(c -> c.name().fr())
                .containsExactly("valeur utilisateur", "risque technique", "dépendances");
        assertThat(plan.backlog().techDebtLabel()).isEqualTo("tech-debt");
        assertThat(plan.documentation().apiChangeRequiresDocs()).isTrue();
        assertThat(plan.documentation().apiChangeRequiresChangelog()).isTrue();
        assertThat(plan.documentation().proceduresDir()).isEqualTo("/ops/docs");
        assertThat(plan.preventive()).extracting(a -> a.name().fr() + " " + a.frequency()).containsExactly(
                "Mise à jour dépendances MONTHLY", "Revue sécurité (librairies) MONTHLY",
                "Test restauration backup QUARTERLY", "Revue RGPD SEMIANNUAL", "Audit configuration SEMIANNUAL",
                "Revue du backlog MONTHLY", "Consolidation de la veille MONTHLY");
    }

    @Test
    void watchDeprecationPostmortemAndFuture() {
        assertThat(plan.watch().sources()).extracting(Watch.Source::name)
                .containsExactly("Django releases", "DRF", "OWASP", "Postgres", "CVE feed", "CVE feed");
        assertThat(plan.watch().sources()).allSatisfy(s -> assertThat(s.url()).startsWith("https://"));
        assertThat(plan.watch().consolidation()).isEqualTo(Frequency.MONTHLY);
        assertThat(plan.watch().label()).isEqualTo("veille");
        assertThat(plan.deprecation()).isEqualTo(new DeprecationPolicy("deprecated", true, true, 2));
        assertThat(plan.postmortem().priorities()).containsExactly(Priority.P1);
        assertThat(plan.postmortem().labels()).containsExactly("security");
        assertThat(plan.postmortem().sections()).extracting(s -> s.title().fr()).containsExactly("Chronologie",
                "Impact", "Cause racine", "Actions immédiates", "Correctifs long terme", "Leçons / prévention");
        assertThat(plan.needsPostmortem(Priority.P3, List.of("security"))).isTrue();
        assertThat(plan.needsPostmortem(Priority.P1, List.of())).isTrue();
        assertThat(plan.needsPostmortem(Priority.P2, List.of("bug"))).isFalse();
        assertThat(plan.futureImprovements()).extracting(Localized::fr).containsExactly(
                "Automatisation génération changelog.", "Tableau bord métriques (Grafana).",
                "Support multi-fuseaux horaires (internationalisation future).");
    }

    @Test
    void templates() {
        assertThat(plan.templates()).extracting(TicketTemplate::key)
                .containsExactly("bug_report", "incident", "feature_request", "security_report");
        TicketTemplate incident = plan.template("incident").orElseThrow();
        assertThat(incident.type()).isEqualTo(TicketType.CORRECTIVE);
        assertThat(incident.fields()).filteredOn(TemplateField::required).extracting(TemplateField::key)
                .containsExactly("impact", "started_at", "affected_service");
        assertThat(plan.template("bug_report").orElseThrow().fields()).filteredOn(TemplateField::required)
                .extracting(TemplateField::key).containsExactly("steps", "expected", "actual");
        TicketTemplate feature = plan.template("feature_request").orElseThrow();
        assertThat(feature.type()).isEqualTo(TicketType.EVOLUTIVE);
        assertThat(feature.labels()).containsExactly("feature");
        assertThat(feature.fields()).extracting(TemplateField::key).contains("need", "value");
        TicketTemplate security = plan.template("security_report").orElseThrow();
        assertThat(security.labels()).containsExactly("security");
        assertThat(security.fields()).filteredOn(TemplateField::required).extracting(TemplateField::key)
                .containsExactly("vulnerability", "impact", "affected_versions");
        assertThat(plan.templates()).flatExtracting(TicketTemplate::fields).allSatisfy(f -> {
            assertThat(f.maxLength()).isPositive();
            assertThat(f.label().fr()).isNotBlank();
            assertThat(f.label().en()).isNotBlank();
        });
        assertThat(plan.template("nope")).isEmpty();
    }
}
