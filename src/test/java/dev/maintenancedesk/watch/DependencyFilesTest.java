package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's dependency files, in the formats pip, Poetry, npm and Maven write; a broken file is its own error. */
class DependencyFilesTest {

    static Path product() {
        try {
            return Path.of(DependencyFilesTest.class.getResource("/watch/product/requirements.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String file) throws DependencyFiles.Unreadable {
        return DependencyFiles.read(product(), file).stream()
                .map(d -> d.ecosystem() + " " + d.name() + " " + d.version() + " " + d.requirement()).toList();
    }

    @Test
    void requirementsTxt() throws Exception {
        assertThat(read("requirements.txt")).containsExactly(
                "PYPI Django 4.2.7 ==4.2.7",
                "PYPI djangorestframework null >=3.10,<3.11.2",
                "PYPI psycopg2-binary 2.9.9 ==2.9.9",
                "PYPI gunicorn null >=21.2");
    }

    @Test
    void poetryLock() throws Exception {
        assertThat(read("poetry.lock")).containsExactly("PYPI django 4.2.7 ==4.2.7", "PYPI sqlparse 0.4.4 ==0.4.4");
    }

    @Test
    void packageLockJson() throws Exception {
        assertThat(read("package-lock.json")).containsExactly("NPM axios 1.5.1 1.5.1",
                "NPM follow-redirects 1.15.3 1.15.3", "NPM lodash 4.17.20 4.17.20", "NPM @vue/shared 3.3.8 3.3.8",
                "NPM lodash 4.17.21 4.17.21");
    }

    @Test
    void packageLockVersion1() throws Exception {
        assertThat(DependencyFiles.parse("package-lock.json", """
                {"lockfileVersion": 1, "dependencies": {"lodash": {"version": "4.17.15",
                 "dependencies": {"minimist": {"version": "0.0.8"}}}}}""").stream().map(Dependency::name))
                .containsExactly("lodash", "minimist");
    }

    @Test
    void pomXml() throws Exception {
        assertThat(read("pom.xml")).containsExactly(
                "MAVEN org.apache.logging.log4j:log4j-core 2.14.1 2.14.1",
                "MAVEN org.springframework:spring-webmvc 5.3.17 5.3.17",
                "MAVEN junit:junit null [4.12,5)");
    }

    @Test
    void brokenFilesAreClearErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "Django==4.2.7\ndjango-filter=>23.1\n");
        Files.writeString(dir.resolve("poetry.lock"), "[[package]\nname = \"django\n");
        Files.writeString(dir.resolve("package-lock.json"), "{\"packages\": {\"node_modules/a\": {\"version\": ");
        Files.writeString(dir.resolve("pom.xml"), "<project><dependencies><dependency>");
        Files.createDirectories(dir.resolve("front"));
        Files.writeString(dir.resolve("front/package-lock.json"), "[1, 2, 3]");
        Files.writeString(dir.resolve("requirements-dev.txt"), "pytest==8.0.0\nfoo===\n");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "requirements.txt"))
                .hasMessage("requirements.txt, line 2: not a version specifier: =>23.1");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "requirements-dev.txt"))
                .hasMessageStartingWith("requirements-dev.txt, line 2: ");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "poetry.lock")).hasMessageStartingWith("poetry.lock: not TOML (");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "package-lock.json"))
                .hasMessageStartingWith("package-lock.json: not JSON (");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "front/package-lock.json"))
                .hasMessage("front/package-lock.json: neither \"packages\" nor \"dependencies\" (not a package-lock.json)");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "pom.xml")).hasMessageStartingWith("pom.xml: not XML (");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "missing/pom.xml"))
                .hasMessageStartingWith("missing/pom.xml: no such file in ");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "../pom.xml")).hasMessage("../pom.xml: outside the repository");
    }

    @Test
    void aPomWithAnEntityIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project><dependencies><dependency><groupId>&xxe;</groupId><artifactId>a</artifactId></dependency></dependencies></project>""");
        assertThatThrownBy(() -> DependencyFiles.read(dir, "pom.xml")).hasMessageStartingWith("pom.xml: not XML (");
    }
}
