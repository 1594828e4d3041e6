package dev.switchboard.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IrcTextTest {

    @Test
    void buttonsBecomeNumberedCommandsToType() {
        Reply reply = Reply.builder().text("deploy web to prod needs approval (7f3a)")
                .buttons(Button.of("approve 7f3a", "approve 7f3a"), Button.of("deny", "deny 7f3a")).build();

        assertThat(IrcText.lines(reply, 400)).containsExactly(
                "deploy web to prod needs approval (7f3a)",
                "1) approve 7f3a: type \"approve 7f3a\"",
                "2) deny: type \"deny 7f3a\"");
    }

    @Test
    void fieldsTablesAndCodeAreOneLinePerRowWithoutBlankLines() {
        Reply reply = Reply.builder().field("job", "42").field("status", "running")
                .table(List.of("service", "version"), List.of(List.of("web", "1.2"), List.of("billing", "3.10")))
                .code("line one\n\n\tline two\r\n").build();

        assertThat(IrcText.lines(reply, 400)).containsExactly(
                "job: 42",
                "status: running",
                "service  version",
                "web      1.2",
                "billing  3.10",
                "line one",
                " line two");
    }

    @Test
    void aFileIsShownInlineAsItsNameThenItsLinesAndIrcOffersNoRooms() {
        Reply reply = Reply.builder().text("Postmortem for INC-3")
                .add(new Block.File("INC-3-postmortem.md", "text/markdown", "# INC-3 checkout is down\n\n- 10:02 declared"))
                .build();

        assertThat(IrcText.lines(reply, 400)).containsExactly(
                "Postmortem for INC-3",
                "INC-3-postmortem.md:",
                "# INC-3 checkout is down",
                "- 10:02 declared");
        assertThat(new IrcChatAdapter(IrcSettings.of("127.0.0.1", 6667, "switchboard", List.of("#ops"))).rooms())
                .isEmpty();
    }

    @Test
    void controlCharactersThatWouldInjectIrcCommandsAreRemoved() {
        assertThat(IrcText.lines(Reply.text("ok\u0000\rQUIT :bye"), 400)).containsExactly("ok", "QUIT :bye");
        assertThat(IrcText.lines(Reply.text("a\u0001b\u0007c"), 400)).containsExactly("abc");
    }

    @Test
    void aLongLineIsSplitAtSpacesWithinTheByteLimit() {
        String line = "deployed web to prod in 42 seconds with no errors";

        assertThat(IrcText.split(line, 20)).containsExactly("deployed web to prod", "in 42 seconds with", "no errors");
    }

    @Test
    void aWordLongerThanTheLimitIsCutBetweenCharactersNeverInsideOne() {
        assertThat(IrcText.split("ééééé", 5)).containsExactly("éé", "éé", "é");
        assertThat(IrcText.split("😀😀😀", 7)).containsExactly("😀", "😀", "😀");
    }

    @Test
    void splittingNeverLosesTextNorExceedsTheLimitNorBreaksACharacter() {
        Random random = new Random(20261126);
        String[] alphabet = {"a", "b", " ", "é", "€", "😀", "  ", "x"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder("w");
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            int limit = 4 + random.nextInt(60);
            List<String> pieces = IrcText.split(text.toString(), limit);

            assertThat(String.join("", pieces).replace(" ", "")).isEqualTo(text.toString().replace(" ", ""));
            for (String piece : pieces) {
                byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
                assertThat(bytes.length).as("piece %s at limit %d", piece, limit).isLessThanOrEqualTo(limit);
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(piece);
                assertThat(piece).isNotBlank();
            }
        }
    }
}
