package dev.switchboard.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written parser gives exactly what OffsetDateTime.parse gives, for good and bad times alike. */
class Rfc3339Test {
    @Test
    void alertmanagerAndGrafanaTimesParse() {
        assertThat(Rfc3339.parse("2026-11-26T21:55:10.067Z")).isEqualTo(OffsetDateTime.parse("2026-11-26T21:55:10.067Z"));
        assertThat(Rfc3339.parse("2026-11-26t15:31:32.123456789+02:00").toInstant())
                .hasToString("2026-11-26T13:31:32.123456789Z");
        assertThat(Rfc3339.parse("0001-01-01T00:00:00Z").getYear()).isEqualTo(1);
    }

    @Test
    void impossibleTimesAreRefusedAsOffsetDateTimeRefusesThem() {
        for (String bad : new String[] {"2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-26T24:00:00Z",
            "2026-11-26T10:00:00+19:00", "2026-11-26 10:00:00Z", "yesterday"}) {
            assertThatThrownBy(() -> Rfc3339.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void anyTextParsesAsOffsetDateTimeParsesIt() {
        Random random = new Random(5_2026_11_26L);
        String[] zones = {"Z", "z", "+00:00", "-07:30", "+14:00", "+18:00", "+18:01", "+05", "-00:00", ""};
        for (int run = 0; run < 20_000; run++) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d",
                    random.nextInt(0, 10_000), random.nextInt(0, 14), random.nextInt(0, 33),
                    "TtT x".charAt(random.nextInt(5)), random.nextInt(0, 26), random.nextInt(0, 62)));
            if (random.nextInt(10) > 0) {
                s.append(String.format(Locale.ROOT, ":%02d", random.nextInt(0, 62)));
            }
            if (random.nextBoolean()) {
                s.append('.').append(Long.toString(Math.abs(random.nextLong())), 0, random.nextInt(0, 12));
            }
            s.append(zones[random.nextInt(zones.length)]);
            String text = s.toString();
            Object expected = outcome(() -> OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)));
            assertThat(outcome(() -> Rfc3339.parse(text))).as(text).isEqualTo(expected);
        }
    }

    private static Object outcome(java.util.function.Supplier<OffsetDateTime> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
