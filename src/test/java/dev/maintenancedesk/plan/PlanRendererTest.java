package dev.maintenancedesk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The French rendering gives back the seed plan, section by section and cell by cell. */
class PlanRendererTest {

    private static final Plan PLAN = PlanLoader.loadDefault();
    private static final Map<String, List<String>> SEED = sections(seed());
    private static final Map<String, List<String>> FR = sections(PlanRenderer.render(PLAN, "fr"));
    private static final Map<String, List<String>> EN = sections(PlanRenderer.render(PLAN, "en"));

    private static String seed() {
        try (InputStream in = PlanRendererTest.class.getResourceAsStream("/seed/plan-de-maintenance.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Heading (title or "## n. …") → its non-blank lines. */
    private static Map<String, List<String>> sections(String markdown) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("#")) {
                current = new ArrayList<>();
                sections.put(line.strip(), current);
            } else if (!line.isBlank() && current != null) {
                current.add(line.strip());
            }
        }
        return sections;
    }

    private static List<String> section(Map<String, List<String>> doc, int number) {
        return doc.entrySet().stream().filter(e -> e.getKey().startsWith("## " + number + ". "))
                .findFirst().orElseThrow(() -> new AssertionError("no section " + number)).getValue();
    }

    private static List<List<String>> table(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("|") && !l.startsWith("|-"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|")).map(String::strip).toList())
                .toList();
    }

    @Test
    void frenchHasTheSeedTitleAndItsFifteenHeadings() {
        assertThat(FR.keySet()).containsExactlyElementsOf(SEED.keySet());
        assertThat(FR.keySet()).hasSize(16).first().isEqualTo("# Plan de Maintenance – Projet CESIZen");
    }

    @Test
    void everyFrenchSectionStartsWithTheSeedLines() {
        for (int n = 1; n <= 15; n++) {
            List<String> seed = section(SEED, n);
            assertThat(section(FR, n)).as("section %d", n).startsWith(seed.toArray(String[]::new));
        }
    }

    @Test
    void slaTableCellByCell() {
        List<List<String>> seed = table(section(SEED, 4));
        List<List<String>> rendered = table(section(FR, 4));
        assertThat(rendered).hasSize(5);
        for (int row = 0; row < seed.size(); row++) {
            for (int col = 0; col < 4; col++) {
                assertThat(rendered.get(row).get(col)).as("row %d, column %d", row, col)
                        .isEqualTo(seed.get(row).get(col));
            }
        }
        assertThat(rendered.get(1)).containsExactly("P1", "Service indisponible / faille critique", "≤ 1h ouvrée", "≤ 3h ouvrées");
        assertThat(rendered.get(4)).containsExactly("P4", "Amélioration", "≤ 2 jours", "Planifié release");
    }

    @Test
    void otherTablesRowByRow() {
        for (int n : new int[] {2, 7, 8}) {
            assertThat(table(section(FR, n))).as("table of section %d", n)
                    .containsExactlyElementsOf(table(section(SEED, n)));
        }
        // section 11: the seed's actions first, then the plan's monthly backlog review and watch consolidation
        assertThat(table(section(FR, 11))).startsWith(table(section(SEED, 11)).toArray(List[]::new));
        assertThat(table(section(FR, 11))).hasSize(table(section(SEED, 11)).size() + 2);
    }

    @Test
    void frenchAddsWhatTheSeedLeavesOpen() {
        assertThat(String.join("\n", section(FR, 4)))
                .contains("lundi–vendredi 09:00–18:00 (Europe/Paris)", "jours fériés FR", "75 %");
        // release windows in words for a business audience, never the raw rule
        assertThat(String.join("\n", section(FR, 7))).contains("MINOR : le premier mardi de chaque mois")
                .contains("PATCH : chaque mardi").doesNotContain("FREQ=");
        assertThat(PlanRenderer.render(PLAN, "en")).contains("Release windows: PATCH: every Tuesday; "
                + "MINOR: the first Tuesday of every month; MAJOR: the first Tuesday of January, April, July and October.");
    }

    @Test
    void renderingFollowsThePlanNotTheSeed() {
        String yaml = PlanValidationTestSupport.defaultYaml()
                .replace("P2: { take_charge: 2h, resolution: 6h }", "P2: { take_charge: 30m, resolution: 1d }")
                .replace("removal_after_minor_releases: 2", "removal_after_minor_releases: 3");
        Map<String, List<String>> doc = sections(PlanRenderer.render(PlanLoader.parse(yaml, "t"), "fr"));
        assertThat(table(section(doc, 4)).get(2)).containsExactly("P2", "Fonction clé dégradée", "≤ 30 min ouvrées", "≤ 1 jour");
        assertThat(section(doc, 13)).contains("- Suppression > 3 cycles MINOR après annonce.");
    }

    @Test
    void englishHasFifteenTranslatedSections() {
        assertThat(EN.keySet()).containsExactly("# Maintenance Plan – CESIZen Project", "## 1. Objectives",
                "## 2. Maintenance Types", "## 3. Ticketing Tool", "## 4. SLA (Incidents)", "## 5. Ticket Workflow",
                "## 6. Change Management", "## 7. Release Calendar", "## 8. Tracking Indicators",
                "## 9. Backlog & Prioritisation", "## 10. Documentation", "## 11. Preventive Maintenance",
                "## 12. Technology Watch", "## 13. End of Life / Deprecation", "## 14. Post-mortem",
                "## 15. Future Improvements");
        assertThat(table(section(EN, 4)).get(0))
                .containsExactly("Priority", "Definition", "Take-charge time", "Target resolution time");
        assertThat(table(section(EN, 4)).get(1))
                .containsExactly("P1", "Service unavailable / critical vulnerability", "≤ 1 business hour", "≤ 3 business hours");
        assertThat(table(section(EN, 4)).get(4)).contains("≤ 2 business days", "Planned in a release");
        assertThat(table(section(EN, 11))).contains(List.of("GDPR review", "Half-yearly"));
        assertThat(section(EN, 14)).startsWith("For P1 / security:", "- Timeline");
        assertThat(section(EN, 9)).contains("- Monthly review.");
        String english = String.join("\n", EN.values().stream().flatMap(List::stream).toList());
        assertThat(english).doesNotContain("ouvrée", "Priorité", "Revue mensuelle", "Planifié");
    }

    @Test
    void sameDocumentAsBeforeTheTextsMovedToTheBundles() {
        assertThat(PlanRenderer.render(PLAN, "fr")).isEqualTo(rendered("plan-fr.md"));
        assertThat(PlanRenderer.render(PLAN, "en")).isEqualTo(rendered("plan-en.md"));
        // the branches the default plan does not take: closures, a region, two ranges a day, optional PR and
        // tests, restart at change, no release-notes tag, no doc update, minutes
        String yaml = PlanValidationTestSupport.defaultYaml()
                .replace("priority_change: recompute", "priority_change: restart_at_change")
                .replace("closures: []", "closures: [2026-12-24, 2026-12-31]")
                .replace("# region: \"57\"", "region: \"57\"")
                .replace("pull_request_required: true", "pull_request_required: false")
                .replace("automated_tests_required: true", "automated_tests_required: false")
                .replace("release_notes_tag: true", "release_notes_tag: false")
                .replace("api_change_requires_docs: true", "api_change_requires_docs: false")
                .replace("monday: [\"09:00-18:00\"]", "monday: [\"09:00-12:30\", \"13:30-18:00\"]")
                .replace("P2: { take_charge: 2h, resolution: 6h }", "P2: { take_charge: 1m, resolution: 2m }");
        Plan variant = PlanLoader.parse(yaml, "variant");
        assertThat(PlanRenderer.render(variant, "fr")).isEqualTo(rendered("plan-variant-fr.md"));
        assertThat(PlanRenderer.render(variant, "en")).isEqualTo(rendered("plan-variant-en.md"));
    }

    @Test
    void theWordsAroundThePlanAreThePlanTextsOfTheBundles() {
        for (String lang : PlanRenderer.LANGUAGES) {
            Texts texts = Texts.in(lang);
            String document = PlanRenderer.render(PLAN, lang);
            for (int n = 1; n <= 15; n++) {
                assertThat(document).contains("## " + n + ". " + texts.get("plan.section." + n) + "\n");
            }
            assertThat(document).contains("| " + texts.get("plan.column.priority") + " | ",
                    texts.get("plan.sla.atMost", texts.get("plan.target.HOURS.one", "1")));
        }
    }

    private static String rendered(String name) {
        try (InputStream in = PlanRendererTest.class.getResourceAsStream("/rendered/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyFrenchAndEnglish() {
        assertThatThrownBy(() -> PlanRenderer.render(PLAN, "de")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown language \"de\" (expected: fr, en)");
    }
}
