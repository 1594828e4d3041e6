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
}
