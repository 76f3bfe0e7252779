package dev.maintenancedesk.watch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads the product's dependencies from the files the plan names, each on its own: {@code requirements*.txt}
 * (PEP 508 lines, specifiers by PEP 440), {@code poetry.lock} (TOML, through Jackson), {@code package-lock.json}
 * (lockfile versions 1 to 3) and {@code pom.xml} (properties resolved; DOM with external entities refused).
 * A file that cannot be read or parsed is a {@link Unreadable} naming the file and, where known, the line.
 */
final class DependencyFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TomlMapper TOML = TomlMapper.builder().build();
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[[^\\]]*\\])?\\s*(?<spec>[^;@]*?)\\s*(?:;.*)?");

    private DependencyFiles() {
    }

    /** A dependency file that is missing, unreadable or malformed. */
    static final class Unreadable extends Exception {
        /** The message key under {@code watch.error.file.} and its arguments (the file first). */
        final String code;
        final List<String> args;

        Unreadable(String code, String message, Object... args) {
            super(message);
            this.code = code;
            this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
        }
    }

    static List<Dependency> read(Path repository, String file) throws Unreadable {
        Path path = repository.resolve(file).normalize();
        if (!path.startsWith(repository.normalize())) {
            throw new Unreadable("outside", file + ": outside the repository", file);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("missing", file + ": no such file in " + repository, file, repository);
        } catch (MalformedInputException e) {
            throw new Unreadable("notUtf8", file + ": not UTF-8 text", file);
        } catch (IOException e) {
            throw new Unreadable("unreadable", file + ": cannot be read (" + e.getMessage() + ")", file, e.getMessage());
        }
        return parse(file, text);
    }

    static List<Dependency> parse(String file, String text) throws Unreadable {
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (base.equals("poetry.lock")) {
            return poetry(file, text);
        }
        if (base.equals("package-lock.json")) {
            return npm(file, text);
        }
        if (base.equals("pom.xml")) {
            return maven(file, text);
        }
        return requirements(file, text);
    }

    static List<Dependency> requirements(String file, String text) throws Unreadable {
        List<Dependency> out = new ArrayList<>();
        String[] lines = text.replace("\\\r\n", " ").replace("\\\n", " ").split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("(^|\\s)#.*$", "").replaceAll("\\s--hash[= ]\\S+", "").strip();
            if (line.isEmpty() || line.startsWith("-") || line.contains("://")) {
                continue; // options (-r, -c, -e, --index-url), direct URLs
            }
            Matcher m = REQUIREMENT.matcher(line);
            if (!m.matches()) {
                throw new Unreadable("notRequirement", file + ", line " + (i + 1) + ": not a requirement: \"" + line + "\"",
                        file, i + 1, Texts.clip(line, 200));
            }
            Pep440.SpecifierSet spec;
            try {
                spec = Pep440.SpecifierSet.parse(m.group("spec"));
            } catch (IllegalArgumentException e) {
                throw new Unreadable("badSpecifier", file + ", line " + (i + 1) + ": " + e.getMessage(), file, i + 1,
                        Texts.clip(e.getMessage(), 200));
            }
            String pinned = spec.pinned().orElse(null);
            out.add(new Dependency(file, Ecosystem.PYPI, m.group("name"), pinned,
                    spec.specifiers().isEmpty() ? "*" : spec.toString()));
        }
        return out;
    }

    private static List<Dependency> poetry(String file, String text) throws Unreadable {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new Unreadable("notToml", file + ": not TOML (" + firstLine(e.getOriginalMessage()) + ")", file,
                    firstLine(e.getOriginalMessage()));
        }
        JsonNode packages = root.path("package");
        if (!packages.isArray()) {
            throw new Unreadable("notPoetry", file + ": no [[package]] tables (not a poetry.lock)", file);
        }
        List<Dependency> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : packages) {
            String name = text(p.path("name"));
            String version = text(p.path("version"));
            if (name == null || version == null) {
                throw new Unreadable("poetryPackage", file + ": package[" + i + "] has no name or version", file, i);
            }
            out.add(new Dependency(file, Ecosystem.PYPI, name, version, "==" + version));
            i++;
        }
        return out;
    }

    private static List<Dependency> npm(String file, String text) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Unreadable("notJson", file + ": not JSON (" + firstLine(e.getOriginalMessage()) + ")", file,
                    firstLine(e.getOriginalMessage()));
        }
        if (!root.isObject() || !(root.path("packages").isObject() || root.path("dependencies").isObject())) {
            throw new Unreadable("notLock", file + ": neither \"packages\" nor \"dependencies\" (not a package-lock.json)", file);
        }
        Map<String, Dependency> out = new LinkedHashMap<>();
        if (root.path("packages").isObject()) {
            for (String key : root.path("packages").propertyNames()) {
                int at = key.lastIndexOf("node_modules/");
                String version = text(root.path("packages").path(key).path("version"));
                if (at < 0 || version == null || root.path("packages").path(key).path("link").asBoolean(false)) {
                    continue; // the root project, links
                }
                String name = key.substring(at + "node_modules/".length());
                out.putIfAbsent(name + "@" + version, new Dependency(file, Ecosystem.NPM, name, version, version));
            }
        } else {
            collectV1(file, root.path("dependencies"), out);
        }
        return List.copyOf(out.values());
    }

    private static void collectV1(String file, JsonNode dependencies, Map<String, Dependency> out) {
        for (String name : dependencies.propertyNames()) {
            JsonNode d = dependencies.path(name);
            String version = text(d.path("version"));
            if (version != null) {
                out.putIfAbsent(name + "@" + version, new Dependency(file, Ecosystem.NPM, name, version, version));
            }
            if (d.path("dependencies").isObject()) {
                collectV1(file, d.path("dependencies"), out);
            }
        }
    }

    private static List<Dependency> maven(String file, String text) throws Unreadable {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new Unreadable("notXml", file + ": not XML (" + firstLine(e.getMessage()) + ")", file, firstLine(e.getMessage()));
        }
        Element project = doc.getDocumentElement();
        if (!"project".equals(project.getLocalName() != null ? project.getLocalName() : project.getTagName())) {
            throw new Unreadable("notPom", file + ": the root element is not <project> (not a pom.xml)", file);
        }
        Map<String, String> properties = new HashMap<>();
        Element props = child(project, "properties");
        if (props != null) {
            NodeList list = props.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        properties.put("project.version", childText(project, "version"));
        List<Dependency> out = new ArrayList<>();
        for (String section : List.of("dependencies", "dependencyManagement")) {
            Element deps = child(project, section);
            if (deps != null && section.equals("dependencyManagement")) {
                deps = child(deps, "dependencies");
            }
            if (deps == null) {
                continue;
            }
            NodeList list = deps.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element d && d.getTagName().equals("dependency")) {
                    String group = resolve(childText(d, "groupId"), properties);
                    String artifact = resolve(childText(d, "artifactId"), properties);
                    String version = resolve(childText(d, "version"), properties);
                    if (group == null || artifact == null) {
                        throw new Unreadable("pomDependency", file + ": a <dependency> without groupId or artifactId", file);
                    }
                    boolean exact = version != null && !version.contains("${") && !version.matches("[\\[(].*");
                    out.add(new Dependency(file, Ecosystem.MAVEN, group + ":" + artifact, exact ? version : null,
                            version == null ? "(managed)" : version));
                }
            }
        }
        return out;
    }

    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String v = properties.get(m.group(1));
            m.appendReplacement(s, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(s);
        return s.toString();
    }

    private static Element child(Element parent, String name) {
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            Node n = list.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    static String text(JsonNode n) {
        return n != null && (n.isString() || n.isNumber()) ? n.asString() : null;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
