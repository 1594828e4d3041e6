package dev.switchboard.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route matchers behave like Alertmanager's: four operators, anchored regexes, missing labels are empty. */
class LabelMatcherTest {
    private static final Map<String, String> LABELS =
            Map.of("alertname", "KubePodCrashLooping", "severity", "critical", "cluster", "eu-1");

    private record Case(String matcher, boolean matches) {}

    @Test
    void eachOperatorMatchesAsAlertmanagerDoes() {
        Case[] cases = {
            new Case("severity=critical", true),
            new Case("severity=warning", false),
            new Case("severity!=warning", true),
            new Case("severity!=critical", false),
            new Case("cluster=~eu-.*", true),
            new Case("cluster=~\"us-.*|eu-1\"", true),
            new Case("cluster!~eu-.*", false),
            new Case("alertname=~Kube", false),
            new Case("alertname=~Kube.*", true),
            new Case("alertname!~Kube", true),
            new Case("team=\"\"", true),
            new Case("team!=\"\"", false),
            new Case("team=~.*", true),
            new Case("team=~.+", false),
            new Case(" severity = critical ", true),
            new Case("alertname=\"KubePodCrashLooping\"", true),
        };
        for (Case c : cases) {
            assertThat(LabelMatcher.parse(c.matcher()).matches(LABELS)).as(c.matcher()).isEqualTo(c.matches());
        }
    }

    @Test
    void aMatcherReadsBackAsItsConfigForm() {
        assertThat(LabelMatcher.parse("cluster=~\"eu-.*\"")).hasToString("cluster=~\"eu-.*\"");
        assertThat(LabelMatcher.parse("severity!=info"))
                .isEqualTo(new LabelMatcher("severity", LabelMatcher.Op.NOT_EQUAL, "info"));
    }

    @Test
    void badMatchersAreRefusedSayingWhatWasExpected() {
        assertThatThrownBy(() -> LabelMatcher.parse("cluster"))
                .hasMessageContaining("'cluster' is not a label matcher; expected name=value");
        assertThatThrownBy(() -> LabelMatcher.parse("=~x")).hasMessageContaining("is not a label matcher");
        assertThatThrownBy(() -> LabelMatcher.parse("1cluster=eu"))
                .hasMessageContaining("'1cluster' is not a label name");
        assertThatThrownBy(() -> LabelMatcher.parse("cluster=~(eu"))
                .hasMessageContaining("the regular expression for label cluster is not valid")
                .hasMessageContaining("'(eu'");
    }
}
