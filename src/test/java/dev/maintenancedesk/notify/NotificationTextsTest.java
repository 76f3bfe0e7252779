package dev.maintenancedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.sla.ClockKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Notifications in the reader's language, with the SLA targets of the plan. */
class NotificationTextsTest {

    static final Plan PLAN = PlanLoader.loadDefault();
    static final Instant DEADLINE = Instant.parse("2026-03-10T10:35:00Z");
    static final Reader FRENCH = Reader.team(PLAN);
    static final Reader ENGLISH = new Reader(Locale.ENGLISH, ZoneId.of("Europe/Paris"));

    /** The server's bundles for these texts, as spring.messages.basename lists them. */
    static NotificationTexts texts(Plan plan) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/notify", "i18n/plan");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new NotificationTexts(messages, plan);
    }

    @Test
    void frenchTextsAreThoseOfBefore() {
        NotificationTexts texts = texts(PLAN);
        String when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm xxx", Locale.FRENCH)
                .format(DEADLINE.atZone(ZoneId.of("Europe/Paris")));
        assertThat(texts.newP1(12, "Site indisponible", FRENCH))
                .isEqualTo("Nouveau P1 — #12 « Site indisponible » : prise en compte sous 1h ouvrée");
        assertThat(texts.atRisk(12, "Recherche lente", "P2", ClockKind.TAKE_CHARGE, DEADLINE, FRENCH))
                .isEqualTo("SLA à risque — #12 « Recherche lente » (P2, prise en compte) : échéance " + when);
        assertThat(texts.breached(12, "Recherche lente", "P2", ClockKind.RESOLUTION, DEADLINE, FRENCH))
                .isEqualTo("SLA dépassé — #12 « Recherche lente » (P2, correction) : échéance " + when + " passée");
    }

    @Test
    void theP1TargetIsThePlans() {
        Plan quicker = PlanLoader.parse(defaultYaml().replace("P1: { take_charge: 1h, resolution: 3h }",
                "P1: { take_charge: 30m, resolution: 3h }"), "quicker");
        assertThat(texts(quicker).newP1(7, "Paiement KO", FRENCH)).endsWith(" : prise en compte sous 30 min ouvrées");
        assertThat(texts(quicker).newP1(7, "Paiement KO", ENGLISH)).endsWith(": take charge within 30 business minutes");
    }

    @Test
    void englishReadersGetEnglish() {
        NotificationTexts texts = texts(PLAN);
        assertThat(texts.newP1(12345, "Site down", ENGLISH)).isEqualTo("New P1 — #12345 “Site down”: take charge within 1 business hour");
        assertThat(texts.breached(12, "Slow search", "P2", ClockKind.RESOLUTION, DEADLINE, ENGLISH))
                .isEqualTo("SLA breached — #12 “Slow search” (P2, resolution): deadline Tue 10 Mar 11:35 +01:00 passed");
    }

    @Test
    void aUserReadsInTheLanguageAndTimeZoneOfTheirProfile() {
        UserAccount ann = new UserAccount("ann", "Ann", "ann@example.test", Role.LEAD, "en", "America/New_York", true);
        Reader reader = Reader.of(ann, PLAN);
        assertThat(reader).isEqualTo(new Reader(Locale.ENGLISH, ZoneId.of("America/New_York")));
        assertThat(texts(PLAN).atRisk(3, "T", "P2", ClockKind.TAKE_CHARGE, DEADLINE, reader))
                .isEqualTo("SLA at risk — #3 “T” (P2, take-charge): due Tue 10 Mar 06:35 -04:00");
        UserAccount none = new UserAccount("bob", "Bob", null, Role.DEVELOPER, null, "Not/AZone", true);
        assertThat(Reader.of(none, PLAN)).isEqualTo(FRENCH);
    }

    static String defaultYaml() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
