package dev.maintenancedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** Where the README says the documentation goes. */
    private static final Path DOCS = Path.of("target", "spring-modulith-docs");
    private static final Pattern COMPONENT = Pattern.compile("Component\\(([^,]+), \"([^\"]+)\", \\$techn=\"Module\"");

    private final ApplicationModules modules = ApplicationModules.of(DeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * The diagrams and canvases are written by this run (the folder is emptied first) and describe the
     * modules as {@link ApplicationModules} sees them: one diagram and one canvas per module, naming it
     * and its base package; the overview names every module that has a dependency and draws each one.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        deleteRecursively(DOCS);

        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();

        List<ApplicationModule> all = modules.stream().toList();
        assertThat(all).extracting(ApplicationModule::getIdentifier).extracting(Object::toString)
                .as("the modules the documentation must cover").contains("tickets", "sla", "web", "accounts", "plan",
                        "calendar", "notify", "releases", "cli");

        String components = read(DOCS.resolve("components.puml"));
        assertThat(components).startsWith("@startuml").contains("@enduml");
        Map<String, String> ids = componentIds(components);
        Set<ApplicationModule> related = new LinkedHashSet<>();
        for (ApplicationModule module : all) {
            String name = module.getIdentifier().toString();

            String diagram = read(DOCS.resolve("module-" + name + ".puml"));
            assertThat(diagram).as("module-%s.puml", name).startsWith("@startuml")
                    .contains("title <size:24>" + module.getDisplayName() + "</size>")
                    .contains("\"" + module.getDisplayName() + "\", $techn=\"Module\"");

            String canvas = read(DOCS.resolve("module-" + name + ".adoc"));
            assertThat(canvas).as("module-%s.adoc", name)
                    .contains("`" + module.getBasePackage().getName() + "`");

            List<ApplicationModule> targets = module.getDirectDependencies(modules).uniqueModules().toList();
            for (ApplicationModule target : targets) {
                assertThat(diagram).as("module-%s.puml draws its dependency on %s", name, target.getDisplayName())
                        .contains("\"" + target.getDisplayName() + "\", $techn=\"Module\"");
                related.add(module);
                related.add(target);
            }
        }
        assertThat(related).as("the application has module dependencies to draw").isNotEmpty();
        for (ApplicationModule module : related) {
            assertThat(ids).as("components.puml names %s", module.getDisplayName()).containsKey(module.getDisplayName());
        }
        assertThat(ids).as("the overview names the core modules").containsKeys("Tickets", "Sla", "Web");
        for (ApplicationModule module : all) {
            for (ApplicationModule target : module.getDirectDependencies(modules).uniqueModules().toList()) {
                assertThat(components).as("components.puml draws %s → %s", module.getDisplayName(), target.getDisplayName())
                        .contains("Rel(" + ids.get(module.getDisplayName()) + ", " + ids.get(target.getDisplayName()) + ",");
            }
        }

        try (Stream<Path> files = Files.list(DOCS)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("one overview, and one diagram and one canvas per module, nothing else")
                    .hasSize(1 + 2 * all.size());
        }
    }

    /** The id of each module component of a diagram, by display name. */
    private static Map<String, String> componentIds(String puml) {
        Map<String, String> ids = new HashMap<>();
        Matcher m = COMPONENT.matcher(puml);
        while (m.find()) {
            ids.put(m.group(2), m.group(1));
        }
        return ids;
    }

    private static String read(Path file) throws IOException {
        assertThat(file).as("written by the documenter").isRegularFile();
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).isNotBlank();
        return text;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
