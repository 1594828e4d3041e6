package dev.switchboard.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long replies are cut into messages the web chat accepts, losing nothing and keeping order. */
class ReplyPartsTest {
    @Test
    void aShortReplyStaysOneMessage() {
        Reply reply = Reply.builder().text("hello").code("ok").build();

        assertThat(ReplyParts.split(reply, 100)).containsExactly(reply);
    }

    @Test
    void aLongTextIsCutIntoPiecesOfTheSameKindThatAddUpToTheWhole() {
        String text = "0123456789".repeat(25);

        List<Reply> parts = ReplyParts.split(Reply.builder().code(text).build(), 100);

        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.blocks()).allMatch(b -> b instanceof Block.Code));
        assertThat(parts.stream().map(Reply::plainText).reduce("", String::concat)).isEqualTo(text);
    }

    @Test
    void blocksThatFitTogetherShareAMessageAndTheRestMoveOn() {
        Reply reply = Reply.builder().text("a".repeat(60)).text("b".repeat(30)).text("c".repeat(30)).build();

        List<Reply> parts = ReplyParts.split(reply, 100);

        assertThat(parts).extracting(Reply::plainText)
                .containsExactly("a".repeat(60) + "\n" + "b".repeat(30), "c".repeat(30));
    }

    @Test
    void anOversizedTableIsShownAsItsPlainText() {
        List<List<String>> rows = java.util.stream.IntStream.range(0, 30).mapToObj(i -> List.of("row" + i)).toList();
        Reply reply = Reply.builder().table(List.of("name"), rows).build();

        List<Reply> parts = ReplyParts.split(reply, 50);

        assertThat(parts.stream().map(Reply::plainText).reduce("", String::concat)).isEqualTo(reply.plainText());
    }

    @Test
    void anEmptyReplyIsOneEmptyMessage() {
        assertThat(ReplyParts.split(new Reply(List.of()), 10)).containsExactly(new Reply(List.of()));
    }
}
