package dev.maintenancedesk.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Instants as people read them: in the viewer's time zone, with the zone named, in the format of their
 * language ({@code format.dateTime}). Templates call it as {@code ${@instants.text(t.createdAt)}} and
 * {@code ${@instants.iso(t.createdAt)}} (for {@code <time datetime>}); {@code withoutZone} in tables
 * whose caption names the zone.
 */
@Component("instants")
public class Instants {

    private final Viewer viewer;
    private final MessageSource messages;

    Instants(Viewer viewer, MessageSource messages) {
        this.viewer = viewer;
        this.messages = messages;
    }

    public String text(Object instant) {
        return format(instant, "format.dateTime", "yyyy-MM-dd HH:mm (VV)");
    }

    /**
     * The same without the zone's name, for a table whose caption names the zone once: repeated on every
     * row, it pushed the ticket list past the right edge of a 1280-pixel screen.
     */
    public String withoutZone(Object instant) {
        return format(instant, "format.dateTimeWithoutZone", "yyyy-MM-dd HH:mm");
    }

    private String format(Object instant, String patternKey, String defaultPattern) {
        ZonedDateTime at = zoned(instant);
        if (at == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String pattern = messages.getMessage(patternKey, null, defaultPattern, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(at);
    }

    public String iso(Object instant) {
        ZonedDateTime at = zoned(instant);
        return at == null ? "" : at.toOffsetDateTime().toString();
    }

    public ZoneId zone() {
        return viewer.zone();
    }

    private ZonedDateTime zoned(Object instant) {
        ZoneId zone = viewer.zone();
        return switch (instant) {
            case null -> null;
            case Instant i -> i.atZone(zone);
            case OffsetDateTime o -> o.atZoneSameInstant(zone);
            case ZonedDateTime z -> z.withZoneSameInstant(zone);
            default -> throw new IllegalArgumentException("not an instant: " + instant.getClass().getName());
        };
    }
}
