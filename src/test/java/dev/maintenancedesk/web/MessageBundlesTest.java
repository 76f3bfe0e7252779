package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.TicketState;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a template asks for exists in French and in English, and the two languages have exactly
 * the same keys. Bundles may be split into several basenames (i18n/messages, i18n/accounts, …): a
 * language is the union of its files. The default bundle (no suffix) is French.
 */
class MessageBundlesTest {

    /** {@code #{key}} or {@code #{key(args)}}; keys built at render time (containing $ or _ _) are checked below. */
    private static final Pattern MESSAGE = Pattern.compile("#\\{([^}(]+)");

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void everyKeyUsedInTemplatesExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Resource template : resources.getResources("classpath*:templates/**/*.html")) {
            Matcher m = MESSAGE.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                String key = m.group(1).strip();
                if (!key.contains("$") && !key.contains("__")) {
                    used.add(key);
                }
            }
        }
        assertThat(used).as("keys found in templates").contains("app.name", "nav.home", "home.next");
        assertThat(keys("fr")).as("French bundles").containsAll(used);
        assertThat(keys("en")).as("English bundles").containsAll(used);
    }

    @Test
    void keysBuiltFromEnumsExistInBothLanguages() throws IOException {
        Set<String> dynamic = new TreeSet<>();
        Stream.of(TicketType.values()).forEach(t -> dynamic.add("type." + t));
        Stream.of(Priority.values()).forEach(p -> dynamic.add("priority." + p));
        Stream.of(TicketState.values()).forEach(s -> dynamic.add("state." + s));
        for (String code : new String[] {"403", "404", "500", "4xx", "5xx"}) {
            dynamic.add("error." + code + ".title");
            dynamic.add("error." + code + ".text");
        }
        assertThat(keys("fr")).containsAll(dynamic);
        assertThat(keys("en")).containsAll(dynamic);
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("en")).isEqualTo(keys("fr"));
    }

    @Test
    void defaultBundleIsTheFrenchOne() throws IOException {
        for (Resource defaults : resources.getResources("classpath*:i18n/*.properties")) {
            String name = defaults.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Resource french = defaults.createRelative(name.replace(".properties", "_fr.properties"));
            if (french.exists()) {
                assertThat(load(defaults)).as(name + " equals its _fr twin").isEqualTo(load(french));
            }
        }
    }

    /** All keys of one language, over every basename; French includes the default bundles. */
    private Set<String> keys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Resource bundle : resources.getResources("classpath*:i18n/*.properties")) {
            String name = bundle.getFilename();
            boolean ofLanguage = name != null && (name.endsWith("_" + language + ".properties")
                    || ("fr".equals(language) && !name.contains("_")));
            if (ofLanguage) {
                load(bundle).stringPropertyNames().forEach(keys::add);
            }
        }
        return keys;
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
