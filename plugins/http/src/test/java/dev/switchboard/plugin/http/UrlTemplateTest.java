package dev.switchboard.plugin.http;

import dev.switchboard.api.action.ActionSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.CommandSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No argument value, however hostile, changes where the request goes or which query parameters it has. */
class UrlTemplateTest {
    private static final UrlTemplate TEMPLATE = parse("https://ci.example.com:8443/jobs/{job}/builds?ref={ref}&n=1");
    private static final String ALPHABET = "/?#&=;%+.:@[]{}$!'()*,~ \\\"<>|^`\t\n\r\u0000aZ9-_éü€😀";

    private static UrlTemplate parse(String url) {
        CommandSpec command = Requests.command("build {job} {ref}", Map.of("url", url));
        ActionSettings in = new ActionSettings(command.action().settings(), command);
        UrlTemplate template = UrlTemplate.parse(url, in);
        assertThat(in.problems()).isEmpty();
        return template;
    }

    @Test
    void hostileValuesStayInsideTheirPathSegmentAndQueryComponent() {
        for (String value : List.of("../admin", "a/b", "?x=1", "#top", "&admin=true", "x=1&y=2", "%2e%2e", "%00",
                "a b+c", "/", "", "..%2F..", "\r\nHost: evil", "héllo wörld", "{job}", "..a", "...")) {
            assertStaysInPlace(value, value);
        }
    }

    @Test
    void randomValuesFromUrlSpecialCharactersStayInPlace() {
        Random random = new Random(20240611L);
        for (int run = 0; run < 2_000; run++) {
            assertStaysInPlace(randomText(random), randomText(random));
        }
    }

    @Test
    void dotSegmentsAreRefusedAndNothingElseIs() {
        assertThat(TEMPLATE.fill(Map.of("job", "..", "ref", "x"))).isInstanceOf(UrlTemplate.Filled.Refused.class);
        assertThat(TEMPLATE.fill(Map.of("job", ".", "ref", "x"))).isInstanceOf(UrlTemplate.Filled.Refused.class);
        assertThat(TEMPLATE.fill(Map.of("job", "web", "ref", ".."))).isInstanceOf(UrlTemplate.Filled.Ok.class);
    }

    @Test
    void messagesShowThePathButNeverTheQuery() {
        assertThat(TEMPLATE.shownPath(Map.of("job", "web", "ref", "secret-ref"))).isEqualTo("/jobs/web/builds");
        assertThat(TEMPLATE.hostAndPort()).isEqualTo("ci.example.com:8443");
    }

    private static void assertStaysInPlace(String job, String ref) {
        UrlTemplate.Filled filled = TEMPLATE.fill(Map.of("job", job, "ref", ref));
        if (job.equals(".") || job.equals("..")) {
            assertThat(filled).isInstanceOf(UrlTemplate.Filled.Refused.class);
            return;
        }
        assertThat(filled).as("job=%s ref=%s", job, ref).isInstanceOf(UrlTemplate.Filled.Ok.class);
        URI uri = ((UrlTemplate.Filled.Ok) filled).uri();
        assertThat(uri.getHost()).isEqualTo("ci.example.com");
        assertThat(uri.getPort()).isEqualTo(8443);
        String[] segments = uri.getRawPath().split("/", -1);
        assertThat(segments).hasSize(4);
        assertThat(segments[1]).isEqualTo("jobs");
        assertThat(decode(segments[2])).isEqualTo(job);
        assertThat(segments[3]).isEqualTo("builds");
        String[] params = uri.getRawQuery().split("&", -1);
        assertThat(params).hasSize(2);
        assertThat(decode(params[0].substring("ref=".length()))).isEqualTo(ref);
        assertThat(params[1]).isEqualTo("n=1");
        assertThat(uri.getRawFragment()).isNull();
    }

    private static String randomText(Random random) {
        List<Integer> codePoints = new ArrayList<>();
        ALPHABET.codePoints().forEach(codePoints::add);
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints.get(random.nextInt(codePoints.size())));
        }
        return text.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
