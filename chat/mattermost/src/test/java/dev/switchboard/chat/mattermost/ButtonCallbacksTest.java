package dev.switchboard.chat.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Callbacks that are not well-formed, signed clicks are answered with a clear 4xx and deliver nothing. */
class ButtonCallbacksTest {
    private static final String SECRET = "callback-secret-0123456789";
    private final ButtonCallbacks callbacks = new ButtonCallbacks(JsonMapper.builder().build(), SECRET, true,
            channel -> channel.equals("dm1"), Clock.systemUTC());

    @Test
    void badBodiesAreRefusedWithAReason() {
        assertThat(read(callbacks, "")).isEqualTo(400);
        assertThat(read(callbacks, "{not json")).isEqualTo(400);
        assertThat(read(callbacks, "{\"user_id\":\"u1\",\"channel_id\":\"c1\",\"context\":{\"secret\":\"" + SECRET
                + "\"}}")).as("no command").isEqualTo(400);
    }

    @Test
    void withoutButtonsConfiguredEveryCallbackIsRefused() {
        ButtonCallbacks off = new ButtonCallbacks(JsonMapper.builder().build(), null, true, c -> false,
                Clock.systemUTC());
        assertThat(read(off, "{\"context\":{\"secret\":\"\"}}")).isEqualTo(404);
    }

    @Test
    void aClickInADirectChannelAnswersThereWithoutAThread() {
        ButtonCallbacks.Result result = callbacks.read(("{\"user_id\":\"u1\",\"user_name\":\"alice\",\"channel_id\":"
                + "\"dm1\",\"post_id\":\"p1\",\"trigger_id\":\"t1\",\"context\":{\"command\":\"approve A-1\","
                + "\"secret\":\"" + SECRET + "\",\"thread\":\"\"}}").getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOfSatisfying(ButtonCallbacks.Result.Deliver.class, deliver -> {
            assertThat(deliver.message().direct()).isTrue();
            assertThat(deliver.message().conversation().thread()).isNull();
            assertThat(deliver.message().user().key()).isEqualTo("mattermost:u1");
            assertThat(deliver.answer().body()).doesNotContain(SECRET);
        });
    }

    private static int read(ButtonCallbacks callbacks, String body) {
        ButtonCallbacks.Result result = callbacks.read(body.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ButtonCallbacks.Result.Refuse.class);
        assertThat(result.answer().body()).as("says what was expected").containsAnyOf("expected", "not enabled");
        return result.answer().status();
    }
}
