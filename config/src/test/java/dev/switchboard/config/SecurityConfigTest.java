package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code security:} section: extra redaction patterns, break-glass groups and confirmation expiry. */
class SecurityConfigTest {
    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, Map.of());
    }

    private static final String USERS = """
            users:
              - { id: alice, accounts: ["web:alice"], groups: [developers] }
              - { id: carol, accounts: ["web:carol"], groups: [sre-leads, sre] }
            """;

    @Test
    void theWholeSectionLoadsAsWritten() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                security:
                  redact: ["(?i)password=\\\\S+", "AKIA[0-9A-Z]{16}"]
                  breakGlass: { groups: [sre-leads], announce: ["web:#incidents"] }
                  confirmations: { ttl: 5m }
                """);

        SecurityConfig security = files.loaded("s.yaml").security();

        assertThat(security.redact()).extracting(Pattern::pattern)
                .containsExactly("(?i)password=\\S+", "AKIA[0-9A-Z]{16}");
        assertThat(security.breakGlass()).isEqualTo(new SecurityConfig.BreakGlass(List.of("sre-leads"),
                List.of(ConversationRef.of("web", "#incidents"))));
        assertThat(security.confirmations().ttl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutTheSectionNobodyMayBreakGlassAndConfirmationsLastTwoMinutes() {
        TempConfig files = files();
        files.write("s.yaml", USERS);

        SecurityConfig security = files.loaded("s.yaml").security();

        assertThat(security).isEqualTo(SecurityConfig.DEFAULT);
        assertThat(security.breakGlass().groups()).isEmpty();
        assertThat(security.redact()).isEmpty();
        assertThat(security.confirmations().ttl()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anEmptySectionOrEmptySubsectionsMeanTheDefaults() {
        TempConfig files = files();
        files.write("s.yaml", USERS + "security:\n");
        files.write("t.yaml", USERS + "security: { redact: [], breakGlass: , confirmations: }\n");

        assertThat(files.loaded("s.yaml").security()).isEqualTo(SecurityConfig.DEFAULT);
        assertThat(files.loaded("t.yaml").security()).isEqualTo(SecurityConfig.DEFAULT);
    }

    @Test
    void anInvalidRegexIsReportedAtItsLineWithTheRegexAndWhatIsWrong() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                security:
                  redact:
                    - "AKIA[0-9A-Z]{16}"
                    - "token=(\\\\S+"
                """);

        assertThat(files.errors("s.yaml")).containsExactly("s.yaml:7:7: security.redact[1]: invalid regular "
                + "expression 'token=(\\S+': Unclosed group at index 10");
    }

    @Test
    void aRegexThatMatchesEmptyTextIsRefusedBecauseItWouldMaskEverything() {
        TempConfig files = files();
        files.write("s.yaml", USERS + "security: { redact: [\"x*\"] }\n");

        assertThat(files.errors("s.yaml")).singleElement().asString()
                .startsWith("s.yaml:4:22: security.redact[0]: the regular expression 'x*' matches empty text");
    }

    @Test
    void anUnknownBreakGlassGroupNamesTheKnownGroupsAndTheClosestOne() {
        TempConfig files = files();
        files.write("s.yaml", USERS + "security: { breakGlass: { groups: [sre-lead] } }\n");

        assertThat(files.errors("s.yaml")).containsExactly("s.yaml:4:36: security.breakGlass.groups[0]: unknown "
                + "group 'sre-lead'; groups of configured users are developers, sre, sre-leads "
                + "(did you mean 'sre-leads'?)");
    }

    @Test
    void aBadAnnounceConversationSaysWhatAConversationLooksLike() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                security:
                  breakGlass: { groups: [sre], announce: ["incidents", "slak:#ops"] }
                """);

        assertThat(files.errors("s.yaml")).containsExactly(
                "s.yaml:5:43: security.breakGlass.announce[0]: expected platform:conversation, like web:#ops, "
                        + "got 'incidents'",
                "s.yaml:5:56: security.breakGlass.announce[1]: unknown platform 'slak'; expected one of web, slack, "
                        + "mattermost, irc, xmpp, discord, teams, matrix (did you mean 'slack'?)");
    }

    @Test
    void aBadTtlAndAnUnknownKeyAreBothReported() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                security:
                  confirmations: { ttl: 0s }
                  redcat: []
                """);

        assertThat(files.errors("s.yaml")).containsExactly(
                "s.yaml:5:25: security.confirmations.ttl: expected a duration longer than zero, like 2m",
                "s.yaml:6:3: security.redcat: unknown key; expected one of redact, breakGlass, confirmations "
                        + "(did you mean 'redact'?)");
    }
}
