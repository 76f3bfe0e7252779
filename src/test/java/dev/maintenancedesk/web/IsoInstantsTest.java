package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The fast instant writer writes exactly what {@link Instant#toString()} writes, for any instant. */
class IsoInstantsTest {

    @Test
    void writesWhatTheJdkWritesAtTheEdges() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.100Z",
                "2026-11-30T14:28:06.979123Z", "2026-11-30T14:28:06.000001Z", "2026-11-30T14:28:06.000000001Z",
                "1900-03-01T00:00:00.010Z", "2000-02-29T23:59:59.999Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
        }
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(IsoInstants.format(far)).isEqualTo(far.toString());
        assertThat(IsoInstants.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }

    @Test
    void writesWhatTheJdkWritesForAMillionRandomInstants() {
        SplittableRandom random = new SplittableRandom(15);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 1_000_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), nano);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void jsonCarriesTheSameTextAsJacksonsOwnSerializer() {
        Instant instant = Instant.parse("2026-11-30T14:28:06.979123Z");
        JsonMapper own = JsonMapper.builder().build();
        JsonMapper.Builder builder = JsonMapper.builder();
        new IsoInstants().isoInstantsCustomizer().customize(builder);
        JsonMapper fast = builder.build();
        assertThat(fast.writeValueAsString(new Stamp(instant, null)))
                .isEqualTo(own.writeValueAsString(new Stamp(instant, null)))
                .isEqualTo("{\"at\":\"2026-11-30T14:28:06.979123Z\",\"due\":null}");
    }

    record Stamp(Instant at, Instant due) {}
}
