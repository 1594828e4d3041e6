package dev.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorableTextTest {
    private static InboundMessage saying(String text) {
        return new InboundMessage("e1", new PlatformUser("web", "alice", "alice", true),
                ConversationRef.of("web", "#ops"), text, Instant.EPOCH, false);
    }

    @Test
    void nulAndLoneSurrogatesBecomeReplacementCharactersSoTheDatabaseCanKeepTheText() {
        assertThat(Pipeline.storable(saying("deploy\u0000web")).text()).isEqualTo("deploy\uFFFDweb");
        assertThat(Pipeline.storable(saying("a\uD800b\uDC00c")).text()).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void ordinaryTextAndEmojiPairsAreLeftAlone() {
        InboundMessage message = saying("deploy web 🚀 to staging");
        assertThat(Pipeline.storable(message)).isSameAs(message);
    }
}
