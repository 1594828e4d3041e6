package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.core.chat.AdapterGateway;
import dev.switchboard.core.chat.Dispatcher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP Events API entry points as the server module will call them: signed requests in, status and body out.
 * The adapter runs in HTTP mode against {@link FakeSlack} (only its Web API is used).
 */
class SlackHttpEventsTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private FakeSlack slack;
    private SlackChatAdapter adapter;
    private final RequestSignature signer = new RequestSignature(SECRET, Clock.systemUTC());
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        adapter = new SlackChatAdapter(SlackSettings.httpEvents(FakeSlack.BOT_TOKEN, SECRET)
                .withApiBaseUrl(slack.apiBaseUrl()));
        adapter.start(received::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.health().ready());
    }

    @AfterEach
    void stop() throws InterruptedException {
        adapter.stop();
        slack.close();
    }

    @Test
    void aSignedEventIsAcceptedAndDelivered() {
        byte[] body = mention("Ev100", "deploy web").getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = adapter.handleEvents(signed(body, now()), body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("deploy web");
            assertThat(m.eventId()).isEqualTo("Ev100");
            assertThat(m.user().id()).isEqualTo("T01/U0ALICE");
        });
    }

    @Test
    void aWrongSignatureIsRefusedWith401AndNothingIsDelivered() {
        byte[] body = mention("Ev101", "deploy web").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signed(body, now());
        byte[] tampered = mention("Ev101", "deploy web to prod").getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = adapter.handleEvents(headers, tampered);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("X-Slack-Signature does not match").doesNotContain(SECRET);
        assertThat(received).isEmpty();
    }

    @Test
    void aRequestOlderThanFiveMinutesIsRefusedWith401EvenWhenSignedCorrectly() {
        byte[] body = mention("Ev102", "deploy web").getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = adapter.handleEvents(signed(body, now() - 301), body);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("within 5 minutes");
        assertThat(received).isEmpty();
    }

    @Test
    void aRequestWithoutSignatureHeadersIsRefused() {
        byte[] body = mention("Ev103", "deploy web").getBytes(StandardCharsets.UTF_8);

        assertThat(adapter.handleEvents(Map.of(), body).status()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() {
        byte[] body = "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"
                .getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = adapter.handleEvents(signed(body, now()), body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}");
    }

    @Test
    void aRetriedRequestKeepsItsEventIdSoTheDispatcherHandlesItOnce() {
        List<InboundMessage> handled = new CopyOnWriteArrayList<>();
        adapter.stop();
        try (Dispatcher dispatcher = new Dispatcher(handled::add, new AdapterGateway(List.of(adapter)),
                Dispatcher.Settings.defaults())) {
            adapter.start(dispatcher);
            await().atMost(Duration.ofSeconds(10)).until(() -> adapter.health().ready());
            byte[] body = mention("Ev104", "restart billing").getBytes(StandardCharsets.UTF_8);
            Map<String, String> retry = new HashMap<>(signed(body, now()));
            retry.put("X-Slack-Retry-Num", "1");
            retry.put("X-Slack-Retry-Reason", "http_timeout");

            assertThat(adapter.handleEvents(signed(body, now()), body).status()).isEqualTo(200);
            assertThat(adapter.handleEvents(retry, body).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> handled.size() == 1);
            assertThat(handled.getFirst().eventId()).isEqualTo("Ev104");
        }
    }

    @Test
    void aSignedButtonClickArrivesAsTheClickingUsersCommand() {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0BOB\",\"username\":\"bob\",\"team_id\":\"T01\"},"
                + "\"team\":{\"id\":\"T01\"},\"channel\":{\"id\":\"C0OPS\"},\"trigger_id\":\"13345224609.738474920.8088\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000300\",\"channel_id\":\"C0OPS\","
                + "\"thread_ts\":\"1700000000.000100\"},\"message\":{\"ts\":\"1700000000.000300\","
                + "\"thread_ts\":\"1700000000.000100\"},\"actions\":[{\"action_id\":\"switchboard.button.1.0\","
                + "\"block_id\":\"x\",\"type\":\"button\",\"value\":\"approve A-1\",\"action_ts\":\"1700000001.1\"}]}";
        byte[] body = ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = adapter.handleInteractions(signed(body, now()), body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("approve A-1");
            assertThat(m.user().id()).isEqualTo("T01/U0BOB");
            assertThat(m.user().verified()).isTrue();
            assertThat(m.conversation().id()).isEqualTo("C0OPS");
            assertThat(m.conversation().thread()).isEqualTo("1700000000.000100");
        });
    }

    private Map<String, String> signed(byte[] body, long timestamp) {
        String ts = Long.toString(timestamp);
        return Map.of("x-slack-request-timestamp", ts, "X-Slack-Signature", "v0=" + signer.sign(ts, body),
                "Content-Type", "application/json");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String mention(String eventId, String text) {
        return "{\"token\":\"legacy\",\"team_id\":\"T01\",\"api_app_id\":\"A01\",\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"U0ALICE\",\"text\":\"<@UBOT> " + text + "\",\"ts\":\"1700000000.000200\","
                + "\"channel\":\"C0OPS\",\"event_ts\":\"1700000000.000200\"},\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000}";
    }
}
