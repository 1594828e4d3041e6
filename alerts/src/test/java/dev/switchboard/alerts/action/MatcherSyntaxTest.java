package dev.switchboard.alerts.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.SilenceMatcher;
import dev.switchboard.api.alert.SilenceMatcher.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatcherSyntaxTest {

    private static List<SilenceMatcher> matchers(String text) {
        MatcherSyntax.Parsed parsed = MatcherSyntax.parse(text);
        assertThat(parsed).as(text).isInstanceOf(MatcherSyntax.Parsed.Matchers.class);
        return ((MatcherSyntax.Parsed.Matchers) parsed).matchers();
    }

    private static String invalid(String text) {
        MatcherSyntax.Parsed parsed = MatcherSyntax.parse(text);
        assertThat(parsed).as(text).isInstanceOf(MatcherSyntax.Parsed.Invalid.class);
        return ((MatcherSyntax.Parsed.Invalid) parsed).message();
    }

    @Test
    void typedMatchersReadAsAlertmanagerWritesThem() {
        Map<String, List<SilenceMatcher>> table = Map.of(
                "alertname=Foo cluster=~eu-.*", List.of(new SilenceMatcher("alertname", "Foo", Op.EQUAL),
                        new SilenceMatcher("cluster", "eu-.*", Op.REGEX)),
                "{alertname=\"Disk full\", severity!=info}", List.of(
                        new SilenceMatcher("alertname", "Disk full", Op.EQUAL),
                        new SilenceMatcher("severity", "info", Op.NOT_EQUAL)),
                "  job!~\"node|blackbox\"  ", List.of(new SilenceMatcher("job", "node|blackbox", Op.NOT_REGEX)),
                "msg=\"say \\\"hi\\\" \\\\ bye\"", List.of(new SilenceMatcher("msg", "say \"hi\" \\ bye", Op.EQUAL)),
                "team=", List.of(new SilenceMatcher("team", "", Op.EQUAL)));
        table.forEach((text, expected) -> assertThat(matchers(text)).as(text).isEqualTo(expected));
    }

    @Test
    void badTextSaysWhatWasExpectedAndWhere() {
        assertThat(invalid("")).startsWith("expected at least one matcher, like alertname=");
        assertThat(invalid("alertname")).isEqualTo("expected =, !=, =~ or !~ after \"alertname\", like"
                + " alertname=DiskFull cluster=~\"eu-.*\"");
        assertThat(invalid("9lives=yes")).startsWith("expected a label name at \"9lives=yes\"");
        assertThat(invalid("alertname=\"open")).isEqualTo("the value of \"alertname\" opens a quote that is never"
                + " closed");
        assertThat(invalid("a=\"x\"b=y")).startsWith("expected a space or comma after the value of \"a\"");
    }

    @Test
    void aSilenceMustNarrowSomethingAndUseValidRegexes() {
        assertThat(MatcherSyntax.problem(matchers("alertname=Foo"))).isEmpty();
        assertThat(MatcherSyntax.problem(matchers("severity!=info alertname=~Disk.*"))).isEmpty();
        assertThat(MatcherSyntax.problem(matchers("team= severity!=info cluster=~.*")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("would mute every alert"));
        assertThat(MatcherSyntax.problem(matchers("alertname=~\"(Disk\"")))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("the value of alertname=~ is not a valid regular expression"));
        assertThat(MatcherSyntax.problem(List.of(new SilenceMatcher("bad-name", "x", Op.EQUAL))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("is not a label name"));
    }

    @Test
    void everyMatcherListRoundTripsThroughItsTypedFormAndNoInputCrashesTheParser() {
        Random random = new Random(20260301);
        String alphabet = "ab_Z9 =!~\"\\,{}.*-é\t";
        for (int run = 0; run < 2_000; run++) {
            List<SilenceMatcher> original = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                original.add(new SilenceMatcher("l" + random.nextInt(100), text(random, alphabet, 12),
                        Op.values()[random.nextInt(4)]));
            }
            String typed = original.stream().map(SilenceMatcher::toString).collect(Collectors.joining(" "));
            assertThat(matchers(typed)).as(typed).isEqualTo(original);

            String noise = text(random, alphabet, 30);
            assertThat(MatcherSyntax.parse(noise)).as(noise).isNotNull();
        }
    }

    private static String text(Random random, String alphabet, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(max + 1); i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
