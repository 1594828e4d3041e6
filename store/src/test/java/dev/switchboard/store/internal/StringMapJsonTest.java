package dev.switchboard.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringMapJsonTest {
    @Test
    void anEmptyMapIsStoredAsNullAndReadBackEmpty() {
        assertThat(StringMapJson.encode(Map.of())).isNull();
        assertThat(StringMapJson.decode(null)).isEmpty();
    }

    @Test
    void keysAreSortedAndAwkwardCharactersEscaped() {
        assertThat(StringMapJson.encode(Map.of("service", "web", "env", "a\"b\\c\nd\u0001")))
                .isEqualTo("{\"env\":\"a\\\"b\\\\c\\nd\\u0001\",\"service\":\"web\"}");
    }

    @Test
    void everyMapOfArbitraryStringsRoundTripsExactly() {
        Random random = new Random(20260301L);
        for (int i = 0; i < 2_000; i++) {
            Map<String, String> map = new HashMap<>();
            int size = random.nextInt(5);
            for (int k = 0; k < size; k++) {
                map.put(randomString(random), randomString(random));
            }
            String json = StringMapJson.encode(map);
            assertThat(StringMapJson.decode(json)).as("round trip of %s", json).isEqualTo(map);
        }
    }

    @Test
    void aLoneSurrogateIsEscapedSoItSurvivesUtf8Storage() {
        Map<String, String> map = Map.of("k", "broken \uD83D pair");
        String json = StringMapJson.encode(map);
        assertThat(json).contains("\\ud83d");
        assertThat(StringMapJson.decode(json)).isEqualTo(map);
    }

    @Test
    void whitespaceBetweenTokensIsAccepted() {
        assertThat(StringMapJson.decode(" { \"a\" : \"1\" , \"b\":\"\\u00e9\" } ")).containsExactly(
                Map.entry("a", "1"), Map.entry("b", "é"));
    }

    @Test
    void malformedTextSaysWhereAndWhatWasExpected() {
        assertThatThrownBy(() -> StringMapJson.decode("{\"a\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed JSON map at character 5: expected '\"'");
        assertThatThrownBy(() -> StringMapJson.decode("{\"a\":\"\\u12G4\"}"))
                .hasMessageContaining("four hex digits after \\u");
        assertThatThrownBy(() -> StringMapJson.decode("{} extra")).hasMessageContaining("nothing after the closing }");
        assertThatThrownBy(() -> StringMapJson.decode("{\"a\":\"open")).hasMessageContaining("a closing \"");
    }

    private static String randomString(Random random) {
        String alphabet = "aZ9 \"\\/\n\r\t\b\f\u0000\u001f{}:,é中🚀\uD800";
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return s.toString();
    }
}
