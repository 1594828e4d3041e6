package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers stay valid JSON whatever a component or user name contains. */
class JsonTextTest {
    @Test
    void quotesControlCharactersAndMarkupAreEscaped() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "say \"hi\"\n<script>\\");
        body.put("ok", true);
        body.put("components", Map.of("db", "down"));

        assertThat(JsonText.object(body)).isEqualTo(
                "{\"error\":\"say \\\"hi\\\"\\n\\u003cscript\\u003e\\\\\",\"ok\":true,\"components\":{\"db\":\"down\"}}");
    }

    @Test
    void numbersListsAndTimesAreWrittenAsJsonNumbersArraysAndIsoText() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", 3L);
        body.put("items", java.util.List.of(1, "two", Map.of()));
        body.put("at", java.time.Instant.parse("2025-03-01T10:00:00Z"));

        assertThat(JsonText.object(body)).isEqualTo("{\"count\":3,\"items\":[1,\"two\",{}],\"at\":\"2025-03-01T10:00:00Z\"}");
    }
}
