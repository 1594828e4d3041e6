package dev.switchboard.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Secrets nobody configured are still masked when they look like secrets; ordinary text is left alone. */
class SecretPatternsTest {
    private final Redactor redactor = Redactor.none();

    @Test
    void awsAccessKeyIdsAreMasked() {
        assertThat(redactor.redact("key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("key *** used");
    }

    @Test
    void bearerTokensAreMaskedButTheSchemeStays() {
        assertThat(redactor.redact("Authorization: Bearer eyJhbGciOi.JIUzI1NiJ9.abc-_def"))
                .isEqualTo("Authorization: Bearer ***");
    }

    @Test
    void passwordTokenAndSecretValuesAreMaskedButTheirNamesStay() {
        assertThat(redactor.redact("connect password=hunter2 token: abc123 DB_SECRET='s3 x' api_key=k1"))
                .isEqualTo("connect password=*** token: *** DB_SECRET='*** x' api_key=***");
        assertThat(redactor.redact("{\"password\": \"hunter2\", \"user\": \"bob\"}"))
                .isEqualTo("{\"password\": \"***\", \"user\": \"bob\"}");
    }

    @Test
    void slackAndGithubTokensAreMasked() {
        assertThat(redactor.redact("xoxb-1234567890-abcdefghij and xapp-1-A0123456789-abc"))
                .isEqualTo("*** and ***");
        assertThat(redactor.redact("gh token ghp_" + "a1B2".repeat(9) + " and github_pat_" + "x".repeat(30)))
                .isEqualTo("gh token *** and ***");
    }

    @Test
    void aPemPrivateKeyIsMaskedFromHeaderToFooterOrToTheEndOfTheText() {
        assertThat(redactor.redact("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\nok"))
                .isEqualTo("key:\n***\nok");
        assertThat(redactor.redact("-----BEGIN OPENSSH PRIVATE KEY-----")).isEqualTo("***");
    }

    @Test
    void aPasswordInAUrlIsMaskedButTheUserAndHostStay() {
        assertThat(redactor.redact("cloning https://deploy:s3cr3t@git.internal/repo.git"))
                .isEqualTo("cloning https://deploy:***@git.internal/repo.git");
    }

    @Test
    void ordinaryChatAndJobOutputIsLeftAlone() {
        List<String> plain = List.of("deploy web 1.4.2 to prod", "deployed web to prod in 42s", "tokens: 5",
                "the secretary said hi", "Did you mean:\n  deploy <service> [version] to <env>",
                "https://git.internal/repo.git", "AKIA short", "cancel 12", "password (secret, never shown)");
        for (String text : plain) {
            assertThat(redactor.redact(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void aConfiguredPatternMasksItsWholeMatchOrOnlyItsSecretGroup() {
        Redactor configured = Redactor.of(Set.of(), List.of(Pattern.compile("EMP-[0-9]{6}"),
                Pattern.compile("pin (?<secret>[0-9]{4})")));

        assertThat(configured.redact("badge EMP-123456, pin 1234")).isEqualTo("badge ***, pin ***");
    }

    @Test
    void reloadedPatternsReplaceTheConfiguredOnesButTheBuiltInsStay() {
        Redactor configured = Redactor.of(Set.of(), List.of(Pattern.compile("EMP-[0-9]{6}")));

        configured.usePatterns(List.of(Pattern.compile("CASE-[0-9]+")));

        assertThat(configured.redact("EMP-123456 CASE-9 password=x"))
                .isEqualTo("EMP-123456 *** password=***");
    }

    @Test
    void configuredValuesAreMaskedBeforePatternsSoAValueIsNeverHalfShown() {
        Redactor configured = Redactor.of(Set.of("ab password=cd"));

        assertThat(configured.redact("x ab password=cd y")).isEqualTo("x *** y");
    }

    @Test
    void randomTextNeverGrowsASecretAndRedactingTwiceChangesNothingMore() {
        Random random = new Random(42);
        String alphabet = "abcAKIA0123456789=:-_ /\"'@xoxbghp_BEGIN PRIVATE KEY-----\n";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(200); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String once = redactor.redact(text.toString());
            assertThat(redactor.redact(once)).as(text.toString()).isEqualTo(once);
        }
    }
}
