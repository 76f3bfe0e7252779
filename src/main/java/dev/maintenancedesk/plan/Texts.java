package dev.maintenancedesk.plan;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The desk's texts in one language, read from the message bundles of {@code spring.messages.basename} with
 * the settings Spring Boot gives the server's MessageSource (UTF-8, no fall-back to the machine's locale,
 * MessageFormat only for texts with arguments). The CLI starts no Spring context, yet must print the plan,
 * release notes and changelog with exactly the server's texts: both go through this class.
 */
public final class Texts {

    /** The languages of the desk; French is the default (the plan's language and the bundles without suffix). */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    private static final ResourceBundleMessageSource BUNDLES = bundles("i18n/plan", "i18n/releases");

    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = locale;
    }

    /** @throws IllegalArgumentException for a language other than {@code fr} or {@code en} */
    public static Texts in(String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown language \"" + language + "\" (expected: fr, en)");
        }
        return new Texts(Locale.forLanguageTag(language));
    }

    /** The language of a request's locale: English when asked for, French (the default) otherwise. */
    public static String languageOf(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "fr";
    }

    public Locale locale() {
        return locale;
    }

    public String get(String code, Object... args) {
        return BUNDLES.getMessage(code, args, locale);
    }

    public String get(MessageSourceResolvable text) {
        return BUNDLES.getMessage(text, locale);
    }

    private static ResourceBundleMessageSource bundles(String... basenames) {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames(basenames);
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        // Not the thread's context class loader: a first use on a server thread would tie the static
        // bundles to that web application's class loader, which is closed with it.
        bundles.setBundleClassLoader(Texts.class.getClassLoader());
        return bundles;
    }

    /** A text to resolve later, in whichever language the reader has (a notification's recipient). */
    public static MessageSourceResolvable text(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }
}
