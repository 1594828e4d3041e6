package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void buttonsBecomeNumberedCommandsToType() {
        Reply reply = Reply.builder().text("job 12 is running").buttons(Button.of("Cancel", "cancel 12")).build();
        assertThat(ReplyText.parts(reply, 1_000))
                .containsExactly("job 12 is running\n[1] Cancel: type \"cancel 12\"");
    }

    @Test
    void aFileIsShownInlineAsItsNameThenItsText() {
        Reply reply = Reply.builder().text("Postmortem for INC-3")
                .add(new Block.File("INC-3-postmortem.md", "text/markdown", "# INC-3 checkout is down\n- 10:02 declared"))
                .build();

        assertThat(ReplyText.parts(reply, 1_000)).containsExactly(
                "Postmortem for INC-3\nINC-3-postmortem.md:\n# INC-3 checkout is down\n- 10:02 declared");
        assertThat(new XmppChatAdapter(XmppSettings.builder("example.org", "switchboard", "a-long-test-password")
                .build()).rooms()).isEmpty();
    }

    @Test
    void aShortReplyIsOneMessage() {
        assertThat(ReplyText.split("ok", 100)).containsExactly("ok");
        assertThat(ReplyText.split("", 100)).containsExactly("");
    }

    @Test
    void aLongReplyIsSplitAtLineBreaksFirst() {
        assertThat(ReplyText.split("aaaa\nbbbb cccc\ndddd", 10)).containsExactly("aaaa", "bbbb cccc", "dddd");
    }

    @Test
    void aLineWithoutSpacesIsCutButNeverInsideASurrogatePair() {
        String emoji = "\uD83D\uDE80";
        List<String> parts = ReplyText.split("abcd" + emoji + "efgh", 5);
        assertThat(parts).containsExactly("abcd", emoji + "efg", "h");
        assertThat(String.join("", parts)).isEqualTo("abcd" + emoji + "efgh");
    }

    @Test
    void splittingKeepsEveryNonBlankCharacterInOrderAndRespectsTheLimit() {
        Random random = new Random(42);
        String alphabet = "ab \n\uD83D\uDE80";
        for (int run = 0; run < 500; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(alphabet.length() - 1);
                text.append(pick == alphabet.length() - 2 ? "\uD83D\uDE80" : String.valueOf(alphabet.charAt(pick)));
            }
            int max = 2 + random.nextInt(60);
            List<String> parts = ReplyText.split(text.toString(), max);
            assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(max));
            assertThat(String.join("", parts).replaceAll("\\s", ""))
                    .as("seed 42 run %d, max %d", run, max).isEqualTo(text.toString().replaceAll("\\s", ""));
        }
    }
}
