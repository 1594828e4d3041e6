package dev.switchboard.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The links column: written by hand for speed, so it must read back exactly whatever the text holds. */
class AlertRowsTest {
    private static final String ODD = "\"\\/\n\r\t\b\f\u0001\u001f é€😀<>&'{}[],:";

    @Test
    void linksWithQuotesBackslashesAndControlCharactersReadBackExactly() {
        List<Alert.Link> links = List.of(new Alert.Link("Runbook \"disk\"", "https://runbooks.example.org/a\\b?x=1&y=2"),
                new Alert.Link("source", "http://127.0.0.1:9090/graph?g0.expr=vector%281%29&g0.tab=1"));

        String json = AlertRows.links(links);

        assertThat(json).isEqualTo("[{\"title\":\"Runbook \\\"disk\\\"\",\"url\":\"https://runbooks.example.org/a\\\\b"
                + "?x=1&y=2\"},{\"title\":\"source\",\"url\":\"http://127.0.0.1:9090/graph?g0.expr=vector%281%29"
                + "&g0.tab=1\"}]");
        assertThat(AlertRows.links(json)).isEqualTo(links);
    }

    @Test
    void noLinksAreStoredAsNull() {
        assertThat(AlertRows.links(List.of())).isNull();
        assertThat(AlertRows.links((String) null)).isEmpty();
    }

    @Test
    void anyTitleAndUrlRoundTrip() {
        Random random = new Random(20261126);
        for (int run = 0; run < 2_000; run++) {
            List<Alert.Link> links = new ArrayList<>();
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                links.add(new Alert.Link(text(random), text(random)));
            }
            assertThat(AlertRows.links(AlertRows.links(links))).as("run %d", run).isEqualTo(links);
        }
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(1, 20); i > 0; i--) {
            s.append(random.nextBoolean() ? (char) random.nextInt('a', 'z' + 1)
                    : ODD.charAt(random.nextInt(ODD.length())));
        }
        // a split surrogate pair would not be text at all; keep pairs whole
        return s.toString().replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
                "?");
    }
}
