package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.Hooks.GRAFANA_SECRET;
import static dev.switchboard.alerts.webhook.Hooks.TOKEN;
import static dev.switchboard.alerts.webhook.Hooks.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bearer tokens and HMAC signatures, checked on the raw body before it is parsed; secrets never echoed. */
class WebhookAuthTest {
    private final Hooks hooks = Hooks.standard();
    private final byte[] firing = payload("alertmanager-firing.json");

    private HookAnswer alertmanager(Map<String, String> headers) {
        return hooks.receivers.handle("alertmanager", null, headers, firing);
    }

    private void assertRefused(HookAnswer answer, int status, String message) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body()).contains("\"status\":\"refused\"").contains(message)
                .doesNotContain(TOKEN).doesNotContain(GRAFANA_SECRET);
        assertThat(hooks.nothingStored()).isTrue();
        assertThat(hooks.refusals()).singleElement().satisfies(refused -> {
            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.reason()).contains(message).doesNotContain(TOKEN);
        });
    }

    @ParameterizedTest(name = "header {0}")
    @CsvSource({"Authorization, Bearer", "authorization, bearer", "AUTHORIZATION, BEARER"})
    void theRightBearerTokenIsAcceptedWhateverTheCaseOfHeaderAndScheme(String header, String scheme) {
        HookAnswer answer = alertmanager(Map.of(header, scheme + " " + TOKEN));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(hooks.store.find("10fd2ebfb5d5241b")).isPresent();
    }

    @Test
    void aMissingAuthorizationHeaderIsRefusedWith401() {
        assertRefused(alertmanager(Map.of("Content-Type", "application/json")), 401,
                "needs an 'Authorization: Bearer <token>' header; the request had no Authorization header");
    }

    @Test
    void aWrongBearerTokenIsRefusedWith403WithoutShowingEitherToken() {
        HookAnswer answer = alertmanager(Map.of("Authorization", "Bearer guessed-" + TOKEN.substring(1)));

        assertRefused(answer, 403, "the bearer token is not the one configured for receiver alertmanager");
        assertThat(answer.body()).doesNotContain("guessed");
    }

    @Test
    void basicAuthIsNotABearerToken() {
        assertRefused(alertmanager(Map.of("Authorization", "Basic YWxpY2U6c2VjcmV0")), 401,
                "the Authorization header does not use the Bearer scheme");
    }

    @Test
    void authIsCheckedBeforeTheBodyIsParsed() {
        HookAnswer answer = hooks.receivers.handle("alertmanager", null, Map.of(), Hooks.utf8("{not json"));

        assertRefused(answer, 401, "no Authorization header");
    }

    @Test
    void aGrafanaBodySignedWithTheSecretIsAccepted() {
        assertThat(hooks.grafana(payload("grafana-firing.json")).status()).isEqualTo(200);
        assertThat(hooks.store.find("7d3f0c2b91a4e655")).isPresent();
    }

    @Test
    void aSignatureOfAnotherBodyIsRefusedWith403() {
        WebhookAuth.Hmac hmac = Hooks.grafanaAuth();
        byte[] body = payload("grafana-firing.json");
        String signedOther = Hooks.signature(hmac, payload("alertmanager-firing.json"));

        assertRefused(hooks.receivers.handle("grafana", null, Map.of("x-grafana-alerting-signature", signedOther),
                body), 403, "the signature in header X-Grafana-Alerting-Signature does not match the body");
    }

    @Test
    void aMissingSignatureIsRefusedWith401NamingTheHeader() {
        assertRefused(hooks.receivers.handle("grafana", null, Map.of(), payload("grafana-firing.json")), 401,
                "needs a signature in header X-Grafana-Alerting-Signature (64 hex digits of the HMAC-SHA256 of"
                        + " the body)");
    }

    @Test
    void aSignatureThatIsNotHexIsRefusedWith401() {
        assertRefused(hooks.receivers.handle("grafana", null, Map.of("X-Grafana-Alerting-Signature", "zz"),
                payload("grafana-firing.json")), 401, "should hold 64 hex digits of the HMAC-SHA256 of the body");
    }

    @Test
    void aPrefixedSha1SignatureIsCheckedWithItsPrefix() {
        WebhookAuth.Hmac hmac = new WebhookAuth.Hmac("X-Hub-Signature", WebhookAuth.Algorithm.SHA1, "gen-Secret",
                "sha1=");
        GenericMapping mapping = GenericMapping.named("", "/title");
        Hooks generic = new Hooks(ReceiverConfig.generic("ci", hmac, mapping));
        byte[] body = Hooks.utf8("{\"title\":\"BuildBroken\"}");

        HookAnswer good = generic.receivers.handle("generic", "ci",
                Map.of("x-hub-signature", Hooks.signature(hmac, body)), body);
        HookAnswer unprefixed = generic.receivers.handle("generic", "ci",
                Map.of("X-Hub-Signature", Hooks.signature(hmac, body).substring("sha1=".length())), body);

        assertThat(good.status()).isEqualTo(200);
        assertThat(unprefixed.status()).isEqualTo(401);
        assertThat(unprefixed.body()).contains("40 hex digits of the HMAC-SHA1 of the body after 'sha1='")
                .doesNotContain("gen-Secret");
    }

    @Test
    void configurationNeverPrintsItsSecrets() {
        ReceiverConfig bearer = ReceiverConfig.alertmanager("am", new WebhookAuth.Bearer(TOKEN));
        ReceiverConfig hmac = ReceiverConfig.grafana("gf", Hooks.grafanaAuth());

        assertThat(bearer.toString()).contains("token=***").doesNotContain(TOKEN);
        assertThat(hmac.toString()).contains("secret=***").doesNotContain(GRAFANA_SECRET);
    }
}
