package dev.maintenancedesk.web;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Instants in JSON exactly as {@link Instant#toString()} and Jackson's own serializer write them (ISO-8601 in
 * UTC, the fraction in groups of three digits), without going through {@code DateTimeFormatter}: two per list
 * row, they took 4 % of the server's CPU under the mixed API load (issue 15). Years outside 0000–9999 take the
 * JDK's path.
 */
@Configuration(proxyBeanMethods = false)
class IsoInstants {

    @Bean
    JsonMapperBuilderCustomizer isoInstantsCustomizer() {
        return builder -> builder.addModule(new SimpleModule("desk-iso-instants").addSerializer(new Writer()));
    }

    /** {@code instant.toString()}, written into {@code into}; answers the length, or -1 outside years 0–9999. */
    static int format(Instant instant, char[] into) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int year = date.getYear();
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int i = digits(into, 0, year, 4);
        into[i++] = '-';
        i = digits(into, i, date.getMonthValue(), 2);
        into[i++] = '-';
        i = digits(into, i, date.getDayOfMonth(), 2);
        into[i++] = 'T';
        i = digits(into, i, secondOfDay / 3600, 2);
        into[i++] = ':';
        i = digits(into, i, secondOfDay / 60 % 60, 2);
        into[i++] = ':';
        i = digits(into, i, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano != 0) {
            into[i++] = '.';
            if (nano % 1_000_000 == 0) {
                i = digits(into, i, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                i = digits(into, i, nano / 1_000, 6);
            } else {
                i = digits(into, i, nano, 9);
            }
        }
        into[i++] = 'Z';
        return i;
    }

    static String format(Instant instant) {
        char[] text = new char[LONGEST];
        int length = format(instant, text);
        return length < 0 ? instant.toString() : new String(text, 0, length);
    }

    /** The seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: four-digit years. */
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    /** {@code 9999-12-31T23:59:59.999999999Z}. */
    static final int LONGEST = 30;

    private static int digits(char[] into, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            into[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static final class Writer extends StdSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            char[] text = new char[LONGEST];
            int length = format(value, text);
            if (length < 0) {
                generator.writeString(value.toString());
            } else {
                generator.writeString(text, 0, length);
            }
        }
    }
}
